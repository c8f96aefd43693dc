package dev.skopos.analysis.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's published annotation catalogue (istio-annotations.tsv, from istio.io/api), and the rules the
 * annotation analyzers share about which annotations are Istio's and which to leave alone.
 */
final class IstioAnnotations {

    /** One annotation: its maturity, whether deprecated, and the resource kinds it belongs on. */
    record Definition(String name, String featureStatus, boolean deprecated, List<String> resources) {
        boolean anywhere() {
            return resources.contains("Any");
        }

        boolean alpha() {
            return featureStatus.equals("Alpha");
        }
    }

    /** Set by istiod or controllers, never by users, so neither analyzer reports them. */
    static final Set<String> ALWAYS_IGNORED = Set.of("sidecar.istio.io/status", "gateway.istio.io/controller-version",
            "istio.io/rev");

    private static final Map<String, Definition> BY_NAME = load();

    private IstioAnnotations() {
    }

    static Optional<Definition> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** An annotation in Istio's domain (prefix ending in istio.io), plus the documented ingress class. */
    static boolean isIstio(String annotation) {
        if (annotation.equals("kubernetes.io/ingress.class")) {
            return true;
        }
        int slash = annotation.indexOf('/');
        return (slash < 0 ? annotation : annotation.substring(0, slash)).endsWith("istio.io");
    }

    private static Map<String, Definition> load() {
        Map<String, Definition> out = new LinkedHashMap<>();
        try (InputStream in = IstioAnnotations.class.getResourceAsStream("istio-annotations.tsv")) {
            if (in == null) {
                throw new IllegalStateException("istio-annotations.tsv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.put(f[0], new Definition(f[0], f[1], Boolean.parseBoolean(f[2]), List.of(f[3].split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
