package dev.skopos.source;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A mesh source that passes every call to another; tests override the parts they break or change. */
public class ForwardingMeshSource implements MeshSource {

    protected final MeshSource delegate;

    public ForwardingMeshSource(MeshSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public SourceInfo info() {
        return delegate.info();
    }

    @Override
    public ClusterObjects objects() {
        return delegate.objects();
    }

    @Override
    public EnvoyAdmin envoy() {
        return delegate.envoy();
    }

    @Override
    public IstiodDebug istiod() {
        return delegate.istiod();
    }

    @Override
    public LogStreams logs() {
        return delegate.logs();
    }

    @Override
    public PortForwards portForwards() {
        return delegate.portForwards();
    }

    @Override
    public CompletableFuture<String> kubernetesVersion() {
        return delegate.kubernetesVersion();
    }

    @Override
    public String staleness(Instant now) {
        return delegate.staleness(now);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
