package dev.skopos.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What our own findings mean and how to fix them, from {@code skopos-checks.yaml}: the findings view
 * and {@code analyze -L} show these next to the message. istioctl's codes carry none (its
 * documentation pages are the reference for those).
 */
public final class CheckDocs {

    /** One code's explanation. */
    public record Doc(String code, String name, String description, String fix) {}

    private static final Map<String, Doc> BY_CODE = load("skopos-checks.yaml");

    private CheckDocs() {
    }

    /** The explanation of a code (e.g. SKP0007); empty for codes without one (istioctl's). */
    public static Optional<Doc> forCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Collection<Doc> all() {
        return BY_CODE.values();
    }

    private static Map<String, Doc> load(String resource) {
        Map<String, Doc> docs = new LinkedHashMap<>();
        try (InputStream in = CheckDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            for (JsonNode m : new ObjectMapper(new YAMLFactory()).readTree(in).path("messages")) {
                String code = m.path("code").asText();
                docs.put(code, new Doc(code, m.path("name").asText(), m.path("description").asText(""),
                        m.path("fix").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return Collections.unmodifiableMap(docs);
    }
}
