package dev.skopos.source.multi;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.KubeObject;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PortForwards;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceInfo;
import dev.skopos.source.demo.DemoSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * One cluster for the composite's tests: the demo mesh, with Envoy calls recorded (which cluster
 * was asked, for which pod), objects that can be hidden or forbidden, istiod that can fail, a
 * staleness banner, and a close that can be made to throw.
 */
final class ClusterDouble implements MeshSource {

    final DemoSource demo;
    /** {@code method pod} of every Envoy call this cluster received. */
    final List<String> envoyCalls = new CopyOnWriteArrayList<>();
    volatile Predicate<KubeObject> visible = o -> true;
    volatile SourceException podsFail;
    volatile SourceException istiodFail;
    volatile String stale = "";
    volatile boolean closed;
    volatile boolean throwOnClose;

    ClusterDouble(Clock clock) {
        demo = new DemoSource(clock);
    }

    @Override
    public SourceInfo info() {
        return demo.info();
    }

    @Override
    public ClusterObjects objects() {
        ClusterObjects real = demo.objects();
        return new ClusterObjects() {
            @Override
            public List<KubeObject> list(ResourceKind kind, Scope scope) {
                if (podsFail != null && kind.equals(ResourceKind.POD)) {
                    throw podsFail;
                }
                return real.list(kind, scope).stream().filter(visible).toList();
            }

            @Override
            public List<ResourceKind> servedKinds() {
                return real.servedKinds();
            }

            @Override
            public dev.skopos.source.Subscription onChange(Runnable listener) {
                return real.onChange(listener);
            }
        };
    }

    @Override
    public EnvoyAdmin envoy() {
        EnvoyAdmin real = demo.envoy();
        return (EnvoyAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EnvoyAdmin.class},
                (proxy, method, args) -> {
                    envoyCalls.add(method.getName() + " " + args[0]);
                    return invoke(method, real, args);
                });
    }

    @Override
    public IstiodDebug istiod() {
        IstiodDebug real = demo.istiod();
        return (IstiodDebug) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {IstiodDebug.class},
                (proxy, method, args) -> {
                    if (istiodFail != null && method.getName().equals("instances")) {
                        throw istiodFail;
                    }
                    return invoke(method, real, args);
                });
    }

    @Override
    public LogStreams logs() {
        return demo.logs();
    }

    @Override
    public PortForwards portForwards() {
        return demo.portForwards();
    }

    @Override
    public String staleness(Instant now) {
        return stale;
    }

    @Override
    public void close() {
        closed = true;
        demo.close();
        if (throwOnClose) {
            throw new IllegalStateException("close failed");
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
