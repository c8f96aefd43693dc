package dev.skopos.tui;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A source that calls itself a live context (for the header and :ctx) and counts its closes. */
final class LabelledSource implements MeshSource {

    private final MeshSource inner;
    private final String context;
    final AtomicInteger closes = new AtomicInteger();

    LabelledSource(MeshSource inner, String context) {
        this.inner = inner;
        this.context = context;
    }

    @Override
    public SourceInfo info() {
        SourceInfo i = inner.info();
        return new SourceInfo(SourceInfo.Kind.LIVE, List.of(context), "https://" + context, i.istioVersions());
    }

    @Override
    public ClusterObjects objects() {
        return inner.objects();
    }

    @Override
    public EnvoyAdmin envoy() {
        return inner.envoy();
    }

    @Override
    public IstiodDebug istiod() {
        return inner.istiod();
    }

    @Override
    public LogStreams logs() {
        return inner.logs();
    }

    @Override
    public PortForwards portForwards() {
        return inner.portForwards();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        inner.close();
    }
}
