package dev.skopos.source.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.source.PodRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A demo source on a fixed clock, plus helpers to walk the JSON it answers. */
final class DemoFixture {

    static final Instant NOW = Instant.parse("2025-11-27T12:00:00Z");

    static final PodRef FRONTEND = new PodRef("weather", "weather-frontend-6d8f9c7b5-x2k9p");
    static final PodRef PRODUCTPAGE = new PodRef("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m");
    static final PodRef DETAILS = new PodRef("bookinfo", "details-v1-65b9d8c7f-8jq2n");
    static final PodRef RATINGS = new PodRef("bookinfo", "ratings-v1-7b6d9f8c4-zr5nk");
    static final PodRef REVIEWS_V2 = new PodRef("bookinfo", "reviews-v2-6c9d8b7f5-h2lqw");
    static final PodRef CHECKOUT = new PodRef("payments", "checkout-7d6f8c9b5-mk3xp");
    static final PodRef BACKEND_SINGLE = new PodRef("weather", "weather-backend-single-865c7779c9-lq9kh");
    static final PodRef GATEWAY = new PodRef("istio-system", "istio-ingressgateway-6b7d9c8f4-w7xkq");
    static final PodRef LEGACY = new PodRef("legacy", "legacy-batch-7c8d9f6b4-n2xjw");

    private DemoFixture() {}

    static DemoSource source() {
        return new DemoSource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JsonNode json(String text) {
        try {
            return dev.skopos.source.demo.Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode config(JsonNode dump, String simpleType) {
        for (JsonNode c : dump.path("configs")) {
            if (c.path("@type").asText().endsWith("." + simpleType)) {
                return c;
            }
        }
        throw new AssertionError("no " + simpleType + " in config dump");
    }

    /** Every object node anywhere below {@code root} that satisfies {@code test}. */
    static List<JsonNode> find(JsonNode root, Predicate<JsonNode> test) {
        List<JsonNode> out = new ArrayList<>();
        walk(root, test, out);
        return out;
    }

    private static void walk(JsonNode node, Predicate<JsonNode> test, List<JsonNode> out) {
        if (node.isObject() && test.test(node)) {
            out.add(node);
        }
        node.forEach(child -> walk(child, test, out));
    }

    static JsonNode cluster(JsonNode dump, String name) {
        for (JsonNode c : config(dump, "ClustersConfigDump").path("dynamic_active_clusters")) {
            if (c.path("cluster").path("name").asText().equals(name)) {
                return c.path("cluster");
            }
        }
        throw new AssertionError("no cluster " + name);
    }
}
