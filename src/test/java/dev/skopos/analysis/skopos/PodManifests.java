package dev.skopos.analysis.skopos;


/** Injected pods and policies for the checks that read pods: probes, proxy start order, istio-init capabilities. */
final class PodManifests {

    private PodManifests() {
    }


    /** An injected pod; {@code extra} goes into its metadata, {@code init}/{@code proxy} shape the sidecar. */
    static String pod(String annotations, String appExtra, String init, boolean nativeSidecar) {
        String proxy = "{name: istio-proxy, image: proxyv2" + (nativeSidecar ? ", restartPolicy: Always" : "") + "}";
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: shop
                  labels: {app: web}
                  annotations: %s
                spec:
                  initContainers: [%s%s]
                  containers:
                  - {name: web, image: web, ports: [{name: http, containerPort: 8080}]%s}
                  %s
                ---
                """.formatted(annotations, init, nativeSidecar ? ", " + proxy : "", appExtra,
                nativeSidecar ? "" : "- " + proxy);
    }

    static final String INIT_OK = "{name: istio-init, securityContext: {capabilities: {add: [NET_ADMIN, NET_RAW], drop: [ALL]}}}";
    static final String STRICT = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: istio-system}
            spec: {mtls: {mode: STRICT}}
            ---
            """;
    static final String PROBE = ", readinessProbe: {httpGet: {path: /ready, port: http}}";
    static final String NO_REWRITE = "{sidecar.istio.io/rewriteAppHTTPProbers: \"false\"}";
}
