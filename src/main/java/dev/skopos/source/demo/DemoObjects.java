package dev.skopos.source.demo;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.Subscription;
import java.util.List;
import java.util.Map;

/** The demo cluster's objects; static, so change listeners are never called. */
final class DemoObjects implements ClusterObjects {

    private final Map<ResourceKind, List<KubeObject>> objects;

    DemoObjects(Map<ResourceKind, List<KubeObject>> objects) {
        this.objects = objects;
    }

    @Override
    public List<KubeObject> list(ResourceKind kind, Scope scope) {
        return objects.entrySet().stream()
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
