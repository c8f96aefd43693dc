package dev.skopos.tui;

import dev.skopos.source.ForwardingMeshSource;
import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A source that calls itself a live context (for the header and :ctx) and counts its closes. */
class LabelledSource extends ForwardingMeshSource {

    private final String context;
    final AtomicInteger closes = new AtomicInteger();

    LabelledSource(MeshSource inner, String context) {
        super(inner);
        this.context = context;
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(SourceInfo.Kind.LIVE, List.of(context), "https://" + context,
                delegate.info().istioVersions());
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        delegate.close();
    }
}
