package dev.skopos.source.demo.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.skopos.source.PodRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The scenario placed at one instant, with the lookups Istio's own config resolution needs: which
 * pods a service selects, which DestinationRule and VirtualServices apply to a host, which
 * Gateways select a gateway pod, which PeerAuthentication and EnvoyFilters apply to a workload.
 */
public final class Mesh {

    private final DemoScenario scenario;
    private final Instant now;
    private final List<JsonNode> istioObjects;
    private final List<MeshService> services;

    public Mesh(DemoScenario scenario, Instant now) {
        this.scenario = scenario;
        this.now = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // Kubernetes times have second precision
        this.istioObjects = loadIstioObjects(scenario.istioConfigResource(), this.now);
        List<MeshService> all = new ArrayList<>();
        for (DemoService s : scenario.services()) {
            all.add(new MeshService(s.host(), s.name(), s.namespace(), s.clusterIp(), s.ports(), s.app(), false,
                    now.minus(s.age())));
        }
        for (JsonNode se : istioObjects("ServiceEntry")) {
            List<ServicePort> ports = new ArrayList<>();
            se.path("spec").path("ports").forEach(p ->
                    ports.add(new ServicePort(p.path("name").asText(), p.path("number").asInt(), p.path("number").asInt())));
            for (JsonNode host : se.path("spec").path("hosts")) {
                all.add(new MeshService(host.asText(), host.asText(), namespaceOf(se), null, ports, null, true,
                        created(se)));
            }
        }
        all.sort(Comparator.comparing(MeshService::host));
        this.services = List.copyOf(all);
    }

    public DemoScenario scenario() { return scenario; }
    public Instant now() { return now; }
    public Instant ago(Duration d) { return now.minus(d); }
    public List<MeshService> services() { return services; }
    public List<DemoPod> pods() { return scenario.pods(); }

    public List<DemoPod> proxies() {
        return scenario.pods().stream().filter(DemoPod::hasProxy)
                .sorted(Comparator.comparing(DemoPod::ref)).toList();
    }

    public Optional<DemoPod> pod(PodRef ref) {
        return scenario.pods().stream().filter(p -> p.ref().equals(ref)).findFirst();
    }

    public List<JsonNode> istioObjects() { return istioObjects; }

    public List<JsonNode> istioObjects(String kind) {
        return istioObjects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The labels Kubernetes and the injector put on a pod. */
    public Map<String, String> podLabels(DemoPod pod) {
        DemoWorkload w = pod.workload();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", w.app());
        if (pod.gateway()) {
            labels.put("istio", "ingressgateway");
        } else if (w.app().equals("istiod")) {
            labels.put("istio", "pilot");
            labels.put("istio.io/rev", "default");
        }
        if (w.version() != null) {
            labels.put("version", w.version());
        }
        labels.put("pod-template-hash", w.templateHash());
        if (pod.hasProxy()) {
            labels.put("security.istio.io/tlsMode", "istio");
            labels.put("service.istio.io/canonical-name", w.app());
            labels.put("service.istio.io/canonical-revision", w.version() == null ? "latest" : w.version());
        }
        return labels;
    }

    /** Kubernetes services selecting the pod. */
    public List<MeshService> servicesOf(DemoPod pod) {
        return services.stream().filter(s -> !s.external() && pod.workload().app().equals(s.app())
                && s.namespace().equals(pod.namespace())).toList();
    }

    /** Ready pods a service (optionally narrowed by subset labels) selects: its EDS endpoints. */
    public List<DemoPod> endpointsOf(MeshService service, JsonNode subsetLabels) {
        if (service.external()) {
            return List.of();
        }
        return scenario.pods().stream()
                .filter(p -> p.namespace().equals(service.namespace()) && p.workload().app().equals(service.app()))
                .filter(p -> !p.crashLooping())
                .filter(p -> matches(podLabels(p), subsetLabels))
                .sorted(Comparator.comparing(DemoPod::ip))
                .toList();
    }

    /** The effective DestinationRule for a host, empty when none applies. */
    public Optional<MergedDestinationRule> destinationRule(String host) {
        List<JsonNode> rules = istioObjects("DestinationRule").stream()
                .filter(dr -> resolve(dr.path("spec").path("host").asText(), namespaceOf(dr)).equals(host))
                .sorted(Comparator.comparing(Mesh::created))
                .toList();
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> subsets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode rule : rules) {
            for (JsonNode subset : rule.path("spec").path("subsets")) {
                if (names.add(subset.path("name").asText())) {
                    subsets.add(subset);
                }
            }
        }
        return Optional.of(new MergedDestinationRule(rules.get(0), subsets));
    }

    /** VirtualServices that apply to sidecars (no gateways, or the reserved "mesh") for a host. */
    public List<JsonNode> meshVirtualServices(String host) {
        return istioObjects("VirtualService").stream()
                .filter(vs -> {
                    JsonNode gateways = vs.path("spec").path("gateways");
                    return gateways.isEmpty() || StreamSupport.stream(gateways.spliterator(), false)
                            .anyMatch(g -> g.asText().equals("mesh"));
                })
                .filter(vs -> StreamSupport.stream(vs.path("spec").path("hosts").spliterator(), false)
                        .anyMatch(h -> resolve(h.asText(), namespaceOf(vs)).equals(host)))
                .toList();
    }

    /** Gateways whose selector matches the pod's labels. */
    public List<JsonNode> gatewaysSelecting(DemoPod pod) {
        Map<String, String> labels = podLabels(pod);
        return istioObjects("Gateway").stream()
                .filter(gw -> matches(labels, gw.path("spec").path("selector")))
                .toList();
    }

    /** VirtualServices bound to a Gateway (referenced as {@code ns/name} or, in its own namespace, {@code name}). */
    public List<JsonNode> virtualServicesBoundTo(JsonNode gateway) {
        String full = namespaceOf(gateway) + "/" + gateway.path("metadata").path("name").asText();
        return istioObjects("VirtualService").stream()
                .filter(vs -> StreamSupport.stream(vs.path("spec").path("gateways").spliterator(), false)
                        .map(g -> g.asText().contains("/") ? g.asText() : namespaceOf(vs) + "/" + g.asText())
                        .anyMatch(full::equals))
                .toList();
    }

    /** The mTLS mode the pod's inbound side enforces: a workload policy wins over the mesh-wide one. */
    public String peerAuthenticationMode(DemoPod pod) {
        Map<String, String> labels = podLabels(pod);
        return istioObjects("PeerAuthentication").stream()
                .filter(pa -> namespaceOf(pa).equals(pod.namespace())
                        && matches(labels, pa.path("spec").path("selector").path("matchLabels")))
                .findFirst()
                .or(() -> istioObjects("PeerAuthentication").stream()
                        .filter(pa -> namespaceOf(pa).equals("istio-system")).findFirst())
                .map(pa -> pa.path("spec").path("mtls").path("mode").asText("PERMISSIVE"))
                .orElse("PERMISSIVE");
    }

    public List<JsonNode> envoyFiltersFor(DemoPod pod) {
        Map<String, String> labels = podLabels(pod);
        return istioObjects("EnvoyFilter").stream()
                .filter(ef -> namespaceOf(ef).equals(pod.namespace())
                        && matches(labels, ef.path("spec").path("workloadSelector").path("labels")))
                .toList();
    }

    public MeshService service(String host) {
        return services.stream().filter(s -> s.host().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + host));
    }

    /** Istio's short-name resolution: {@code reviews} in bookinfo is reviews.bookinfo.svc.cluster.local. */
    public static String resolve(String host, String namespace) {
        if (host.endsWith(".svc.cluster.local") || host.contains(".") && !host.matches("[^.]+\\.[^.]+")) {
            return host;
        }
        if (host.contains(".")) {
            return host + ".svc.cluster.local";
        }
        return host + "." + namespace + ".svc.cluster.local";
    }

    public static String namespaceOf(JsonNode object) {
        return object.path("metadata").path("namespace").asText();
    }

    public static Instant created(JsonNode object) {
        return Instant.parse(object.path("metadata").path("creationTimestamp").asText());
    }

    public static String configPath(JsonNode object, String kindPath) {
        return "/apis/networking.istio.io/v1/namespaces/" + namespaceOf(object) + "/" + kindPath + "/"
                + object.path("metadata").path("name").asText();
    }

    /** True when every label of the selector is on the pod (an absent selector matches everything). */
    static boolean matches(Map<String, String> labels, JsonNode selector) {
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> loadIstioObjects(String resource, Instant now) {
        List<JsonNode> objects = new ArrayList<>();
        try (InputStream in = Mesh.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            var it = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(in);
            while (it.hasNext()) {
                ObjectNode o = (ObjectNode) it.next();
                Duration age = parseAge(o.remove("x-demo-age").asText());
                ObjectNode meta = (ObjectNode) o.path("metadata");
                String key = o.path("kind").asText() + "/" + namespaceOf(o) + "/" + meta.path("name").asText();
                meta.put("creationTimestamp", now.minus(age).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                meta.put("generation", 1);
                meta.put("resourceVersion", String.valueOf(100_000 + Math.abs(key.hashCode() % 900_000)));
                meta.put("uid", UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
                objects.add(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects.sort(Comparator.comparing((JsonNode o) -> namespaceOf(o)).thenComparing(o -> o.path("metadata").path("name").asText()));
        return List.copyOf(objects);
    }

    /** "30d", "2h", "20m". */
    static Duration parseAge(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> throw new IllegalArgumentException("bad age " + text);
        };
    }
}
