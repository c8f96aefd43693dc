package dev.skopos.analysis.precheck;

import java.util.Set;

/**
 * The version constants istioctl 1.27's precheck compares against, in one place so a new Istio target
 * changes only this file (and upgrade-changes.yaml).
 */
final class PrecheckVersions {

    private PrecheckVersions() {
    }

    /**
     * The oldest Kubernetes minor Istio 1.27 supports (istioctl's {@code k8sversion.MinK8SVersion}, set to 29 by
     * istio/istio#55335 in March 2025 and raised to 30 only for 1.28; 1.27's support matrix is 1.29–1.33).
     * Only the minor is compared, as istioctl does.
     */
    static final int MIN_KUBERNETES_MINOR = 29;

    /** The Gateway API group whose CRDs precheck inspects. */
    static final String GATEWAY_API_GROUP = "gateway.networking.k8s.io";

    /** Kinds whose CRD must serve v1beta1, or istiod cannot read them at all (IST0156). */
    static final Set<String> BETA_KINDS = Set.of("Gateway", "GatewayClass", "HTTPRoute", "ReferenceGrant");

    static final String BETA_VERSION = "v1beta1";

    /** Kinds whose CRD should serve v1, which later Istio releases will require (IST0172). */
    static final Set<String> STABLE_KINDS = Set.of("Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute");

    static final String STABLE_VERSION = "v1";
}
