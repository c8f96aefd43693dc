package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceInfo;
import dev.skopos.source.demo.DemoSource;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * On a live cluster every Envoy answer is a port-forward, so the landing view's findings read
 * istiod's sync reports only; the proxies' own checks (certificates, warming secrets) run once the
 * user opens the findings view. The demo mesh dressed up as a live source, counting Envoy asks.
 */
class LiveFindingsTest {

    @Test
    void theProxiesAreAskedOnlyOnceTheFindingsViewIsOpened() {
        AtomicInteger envoyAsks = new AtomicInteger();
        Pilot p = new Pilot(new LiveLooking(new DemoSource(ShellTest.CLOCK), envoyAsks), ShellTest.CLOCK, 160, 70, false);

        assertThat(p.text()).containsPattern("findings \\d+E \\d+W \\d+I");
        assertThat(envoyAsks).as("Envoy asks from the landing view").hasValue(0);

        String findings = p.type("a").text();
        assertThat(envoyAsks.get()).as("Envoy asks once the findings are open").isPositive();
        assertThat(findings).contains("SKP0017")  // from istiod's sync report, as before
                .contains("SKP0020")               // certificates near expiry: from the proxies
                .contains("SKP0021");              // a gateway secret warming: from its config dump
    }

    /** A source that says it is live and counts what its Envoy admin is asked. */
    private static final class LiveLooking extends dev.skopos.source.ForwardingMeshSource {
        private final AtomicInteger envoyAsks;
        private final DemoSource demo;

        LiveLooking(DemoSource demo, AtomicInteger envoyAsks) {
            super(demo);
            this.envoyAsks = envoyAsks;
            this.demo = demo;
        }

        @Override
        public SourceInfo info() {
            SourceInfo i = demo.info();
            return new SourceInfo(SourceInfo.Kind.LIVE, i.contexts(), i.description(), i.istioVersions());
        }

        @Override
        public EnvoyAdmin envoy() {
            EnvoyAdmin real = demo.envoy();
            return (EnvoyAdmin) Proxy.newProxyInstance(EnvoyAdmin.class.getClassLoader(),
                    new Class<?>[] {EnvoyAdmin.class}, (proxy, method, args) -> {
                        if (args != null && args.length > 0 && args[0] instanceof PodRef) {
                            envoyAsks.incrementAndGet();
                        }
                        return method.invoke(real, args);
                    });
        }
    }
}
