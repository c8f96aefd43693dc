package dev.skopos.tui;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceInfo;
import dev.skopos.source.demo.DemoSource;

/** The demo mesh behind a source that tests override part by part (broken answers, a live-looking source). */
class DemoBackedSource implements MeshSource {

    final DemoSource demo;

    DemoBackedSource(DemoSource demo) {
        this.demo = demo;
    }

    @Override
    public SourceInfo info() {
        return demo.info();
    }

    @Override
    public ClusterObjects objects() {
        return demo.objects();
    }

    @Override
    public EnvoyAdmin envoy() {
        return demo.envoy();
    }

    @Override
    public IstiodDebug istiod() {
        return demo.istiod();
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
    public void close() {
        demo.close();
    }
}
