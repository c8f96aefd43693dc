package dev.skopos.source.demo;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.Subscription;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo cluster's objects, built on the first list (not in the source's constructor); static
 * afterwards, so change listeners are never called.
 */
final class DemoObjects implements ClusterObjects {

    private final Supplier<Map<ResourceKind, List<KubeObject>>> builder;
    private volatile Map<ResourceKind, List<KubeObject>> objects;

    DemoObjects(Supplier<Map<ResourceKind, List<KubeObject>>> builder) {
        this.builder = builder;
    }

    private Map<ResourceKind, List<KubeObject>> objects() {
        Map<ResourceKind, List<KubeObject>> o = objects;
        if (o == null) {
            synchronized (this) {
                if (objects == null) {
                    objects = builder.get();
                }
                o = objects;
            }
        }
        return o;
    }

    @Override
    public List<KubeObject> list(ResourceKind kind, Scope scope) {
        return objects().entrySet().stream()
                .filter(e -> e.getKey().sameKind(kind))
                .flatMap(e -> e.getValue().stream())
                .filter(o -> scope.includes(o.namespace()))
                .toList();
    }

    @Override
    public List<ResourceKind> servedKinds() {
        return ResourceKind.ALL;
    }

    @Override
    public Subscription onChange(Runnable listener) {
        return () -> { };
    }
}
