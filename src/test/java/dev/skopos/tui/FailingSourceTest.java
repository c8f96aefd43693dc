package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import dev.skopos.source.SynczAnswer;
import dev.skopos.source.demo.DemoSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bad answers become messages in the UI, never a crash or an empty screen. */
class FailingSourceTest {

    /** The demo, with chosen parts broken. */
    static final class Broken extends DemoBackedSource {
        boolean forbidPods;
        boolean istiodDown;
        boolean garbageEnvoy;
        String stale = "";

        Broken() {
            super(new DemoSource(ShellTest.CLOCK));
        }

        @Override
        public String staleness(java.time.Instant now) {
            return stale;
        }

        @Override
        public ClusterObjects objects() {
            ClusterObjects real = demo.objects();
            return new ClusterObjects() {
                @Override
                public List<KubeObject> list(ResourceKind kind, Scope scope) {
                    if (forbidPods && kind.equals(ResourceKind.POD)) {
                        throw new SourceException(SourceException.Reason.FORBIDDEN, "forbidden: needs list on pods");
                    }
                    return real.list(kind, scope);
                }

                @Override
                public List<ResourceKind> servedKinds() {
                    return real.servedKinds();
                }

                @Override
                public Subscription onChange(Runnable listener) {
                    return real.onChange(listener);
                }
            };
        }

        @Override
        public EnvoyAdmin envoy() {
            if (!garbageEnvoy) {
                return demo.envoy();
            }
            EnvoyAdmin real = demo.envoy();
            return new EnvoyAdmin() {
                public CompletableFuture<String> configDump(PodRef p, boolean eds) {
                    return CompletableFuture.completedFuture("{\"configs\": [ truncated");
                }
                public CompletableFuture<String> clusters(PodRef p) {
                    return real.clusters(p);
                }
                public CompletableFuture<String> serverInfo(PodRef p) {
                    return CompletableFuture.failedFuture(new SourceException(SourceException.Reason.UNREACHABLE,
                            "pod " + p + " is gone"));
                }
                public CompletableFuture<String> logging(PodRef p) {
                    return real.logging(p);
                }
                public CompletableFuture<String> certs(PodRef p) {
                    return real.certs(p);
                }
                public CompletableFuture<String> stats(PodRef p, String f) {
                    return real.stats(p, f);
                }
                public CompletableFuture<String> setLogLevel(PodRef p, String l, String lv) {
                    return real.setLogLevel(p, l, lv);
                }
            };
        }

        @Override
        public IstiodDebug istiod() {
            IstiodDebug real = demo.istiod();
            if (!istiodDown) {
                return real;
            }
            return new IstiodDebug() {
                public List<IstiodInstance> instances() {
                    return real.instances();
                }
                public CompletableFuture<SynczAnswer> syncz(IstiodInstance i) {
                    return i.equals(real.instances().get(0))
                            ? CompletableFuture.failedFuture(new SourceException(SourceException.Reason.TIMEOUT,
                            "istiod did not answer within 10s"))
                            : real.syncz(i);
                }
                public CompletableFuture<String> configDump(IstiodInstance i, PodRef p) {
                    return real.configDump(i, p);
                }
                public CompletableFuture<String> metrics(IstiodInstance i) {
                    return real.metrics(i);
                }
                public CompletableFuture<String> logScopes(IstiodInstance i) {
                    return real.logScopes(i);
                }
                public CompletableFuture<String> setLogScope(IstiodInstance i, String s, String l) {
                    return real.setLogScope(i, s, l);
                }
            };
        }
    }

    @Test
    void forbiddenPodsShowWhyInsteadOfAnEmptyTable() {
        Broken source = new Broken();
        source.forbidPods = true;
        Pilot p = new Pilot(source, ShellTest.CLOCK, 120, 40, false);
        assertThat(p.text()).contains("cannot list proxies: forbidden: needs list on pods");
        assertThat(p.type("j").type("?").text()).contains("help(keymap");
    }

    @Test
    void aLostApiServerShowsAStaleBannerAndKeepsTheData() {
        Broken source = new Broken();
        Pilot p = new Pilot(source, ShellTest.CLOCK, 120, 40, false);
        assertThat(p.text()).doesNotContain("STALE:");
        source.stale = "API server unreachable: Connection refused, data from 2m ago";
        p.type("j");
        assertThat(p.row(2)).contains("STALE: API server unreachable: Connection refused, data from 2m ago");
        assertThat(p.text()).contains("weather-frontend");
        source.stale = "";
        p.type("k");
        assertThat(p.row(2)).doesNotContain("STALE");
    }

    @Test
    void oneIstiodDownKeepsTheOtherReplicasProxies() {
        Broken source = new Broken();
        source.istiodDown = true;
        Pilot p = new Pilot(source, ShellTest.CLOCK, 120, 40, false);
        String screen = p.text();
        assertThat(screen).contains("istiod did not answer within 10s").contains("SYNCED").contains("UNKNOWN");
    }

    @Test
    void brokenEnvoyAnswersBecomeSectionMessagesInTheSummary() {
        Broken source = new Broken();
        source.garbageEnvoy = true;
        Pilot p = new Pilot(source, ShellTest.CLOCK, 120, 40, false).type("/weather-frontend\n")
                .press(KeyType.Enter);
        String screen = p.text();
        assertThat(screen).contains("unavailable: pod weather-frontend").contains("is gone");
        assertThat(screen).contains("unavailable: config_dump");
        assertThat(screen).contains("Log levels");
    }
}
