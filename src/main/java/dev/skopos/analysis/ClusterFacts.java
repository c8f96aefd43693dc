package dev.skopos.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What only the live cluster can tell: its Kubernetes version and which create permissions the user lacks.
 * istioctl learns these from the API server ({@code GetKubernetesVersion}, SelfSubjectAccessReviews in
 * {@code istioctl x precheck}); manifests and snapshots cannot, so a snapshot carries facts only when a live
 * source supplied them, and analyzers that need facts say nothing without them.
 *
 * @param kubernetesVersion  the server's gitVersion as reported ({@code v1.28.3-gke.100}); null when unknown
 * @param missingPermissions the {@link #INSTALL_PERMISSIONS} the user may not create, with the API's reason
 */
public record ClusterFacts(String kubernetesVersion, List<MissingPermission> missingPermissions) {

    public ClusterFacts {
        missingPermissions = List.copyOf(Objects.requireNonNullElse(missingPermissions, List.of()));
    }

    /** A permission check that was denied (or failed): {@code resource} as checked, {@code reason} as the API said it. */
    public record MissingPermission(String resource, String reason) {
    }

    /**
     * One "can I create this?" question precheck asks.
     *
     * @param inIstioNamespace whether it is asked in the Istio namespace (else cluster-wide)
     * @param group            API group, "" for core
     */
    public record Permission(boolean inIstioNamespace, String group, String version, String resource) {
    }

    /**
     * The create permissions an Istio install needs, exactly the list istioctl's precheck
     * ({@code checkInstallPermissions}) reviews. The live source asks these and reports denials as
     * {@link MissingPermission}s; a reason-less denial is {@code "permission denied"}, as istioctl words it.
     */
    public static final List<Permission> INSTALL_PERMISSIONS = List.of(
            new Permission(false, "", "v1", "namespaces"),
            new Permission(false, "rbac.authorization.k8s.io", "v1", "clusterroles"),
            new Permission(false, "rbac.authorization.k8s.io", "v1", "clusterrolebindings"),
            new Permission(false, "apiextensions.k8s.io", "v1", "customresourcedefinitions"),
            new Permission(true, "rbac.authorization.k8s.io", "v1", "roles"),
            new Permission(true, "", "v1", "serviceaccounts"),
            new Permission(true, "", "v1", "services"),
            new Permission(true, "apps", "v1", "deployments"),
            new Permission(true, "", "v1", "configmaps"),
            new Permission(false, "admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations"),
            new Permission(false, "admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations"));

    /** Facts with only the version known. */
    public static ClusterFacts ofVersion(String kubernetesVersion) {
        return new ClusterFacts(kubernetesVersion, List.of());
    }
}
