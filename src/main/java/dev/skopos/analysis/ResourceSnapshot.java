package dev.skopos.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an analysis run looks at: the objects (from files, a snapshot or the live cluster),
 * plus the mesh config and mesh networks that shape Istio's behaviour. Immutable; analyzers only read.
 */
public final class ResourceSnapshot {

    private final List<Resource> all;
    private final Map<String, List<Resource>> byKind = new LinkedHashMap<>();
    private final JsonNode meshConfig;
    private final JsonNode meshNetworks;
    /** Which cluster each object came from, for multi-cluster analysis; empty for one cluster. */
    private final Map<Resource, String> clusters = new IdentityHashMap<>();
    /** Facts only a live cluster knows (Kubernetes version, permissions); null for files and snapshots. */
    private ClusterFacts clusterFacts;

    public ResourceSnapshot(Collection<Resource> resources, JsonNode meshConfig, JsonNode meshNetworks) {
        this.all = List.copyOf(resources);
        for (Resource r : all) {
            byKind.computeIfAbsent(key(r.group(), r.kind()), k -> new ArrayList<>()).add(r);
        }
        this.meshConfig = meshConfig == null ? MissingNode.getInstance() : meshConfig;
        this.meshNetworks = meshNetworks == null ? MissingNode.getInstance() : meshNetworks;
    }

    public ResourceSnapshot(Collection<Resource> resources) {
        this(resources, null, null);
    }

    /**
     * One snapshot over several clusters' objects (istioctl's multi-cluster analysis), each object
     * remembering its cluster id; read it back with {@link #cluster(Resource)}.
     */
    public static ResourceSnapshot multiCluster(Map<String, ? extends Collection<Resource>> byCluster,
                                                JsonNode meshConfig, JsonNode meshNetworks) {
        List<Resource> all = new ArrayList<>();
        byCluster.values().forEach(all::addAll);
        ResourceSnapshot snapshot = new ResourceSnapshot(all, meshConfig, meshNetworks);
        byCluster.forEach((id, resources) -> resources.forEach(r -> snapshot.clusters.put(r, id)));
        return snapshot;
    }

    /**
     * This snapshot with facts about the live cluster attached, for the checks that need them
     * (istioctl's precheck). The objects, mesh config and cluster ids are the same; this one is unchanged.
     */
    public ResourceSnapshot withClusterFacts(ClusterFacts facts) {
        ResourceSnapshot copy = new ResourceSnapshot(all, meshConfig, meshNetworks);
        copy.clusters.putAll(clusters);
        copy.clusterFacts = facts;
        return copy;
    }

    /** The live cluster's facts, when a live source supplied them. */
    public Optional<ClusterFacts> clusterFacts() {
        return Optional.ofNullable(clusterFacts);
    }

    /** The cluster id an object came from; "" in a single-cluster snapshot. */
    public String cluster(Resource resource) {
        return clusters.getOrDefault(resource, "");
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }

    public List<Resource> all() {
        return all;
    }

    /** Objects of one kind, in load order; {@code group} "" for core kinds. */
    public List<Resource> list(String group, String kind) {
        return byKind.getOrDefault(key(group, kind), List.of());
    }

    public Optional<Resource> find(String group, String kind, String namespace, String name) {
        return list(group, kind).stream()
                .filter(r -> r.name().equals(name) && r.namespace().equals(namespace))
                .findFirst();
    }

    /** The MeshConfig (istio ConfigMap {@code mesh} key, or --meshConfigFile); missing node when none. */
    public JsonNode meshConfig() {
        return meshConfig;
    }

    public JsonNode meshNetworks() {
        return meshNetworks;
    }

    /** The root namespace of the mesh config ({@code istio-system} by default). */
    public String rootNamespace() {
        String root = meshConfig.path("rootNamespace").asText("");
        return root.isEmpty() ? "istio-system" : root;
    }
}
