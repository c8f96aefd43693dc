package dev.skopos.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every message type skopos can report, by name and by code, loaded once from the catalogue
 * files shipped in the jar ({@code istio-messages.yaml} for istioctl's codes).
 */
public final class Catalog {

    private static final Catalog INSTANCE = load("istio-messages.yaml", "skopos-checks.yaml");

    private final Map<String, MessageType> byName;
    private final Map<String, MessageType> byCode;

    private Catalog(Map<String, MessageType> byName) {
        this.byName = Map.copyOf(byName);
        Map<String, MessageType> codes = new LinkedHashMap<>();
        byName.values().forEach(t -> codes.put(t.code(), t));
        this.byCode = Map.copyOf(codes);
    }

    public static Catalog get() {
        return INSTANCE;
    }

    /** The type with this name (e.g. ReferencedResourceNotFound); unknown names are a bug. */
    public static MessageType type(String name) {
        MessageType t = INSTANCE.byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no message type named " + name);
        }
        return t;
    }

    public MessageType byCode(String code) {
        return byCode.get(code);
    }

    public Collection<MessageType> all() {
        return byName.values();
    }

    private static Catalog load(String... resources) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, MessageType> types = new LinkedHashMap<>();
        for (String resource : resources) {
            try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                for (JsonNode m : yaml.readTree(in).path("messages")) {
                    types.put(m.path("name").asText(), new MessageType(m.path("name").asText(), m.path("code").asText(),
                            Level.parse(m.path("level").asText()), m.path("template").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the message catalogue " + resource, e);
            }
        }
        return new Catalog(types);
    }
}
