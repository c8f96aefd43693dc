package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.live.RequestTally.Kind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API economy, headless: 2,000 proxies on the mock API server, the real shell on a
 * live source. After the initial sync, an open proxies view costs no LIST (watches keep it
 * current) and pulls no Envoy answer at all; opening one proxy pulls that proxy's answers only.
 * A few seconds of idle here; {@code bench/api-economy.sh} runs the full minute.
 */
class ApiEconomyTest {

    @Test
    void anOpenProxiesViewListsNothingAndPullsEnvoyOnlyForTheProxyOpened(@TempDir Path dir) throws Exception {
        try (ApiEconomy session = ApiEconomy.start(2000, dir)) {
            assertThat(session.sync().requests().get(Kind.LIST)).as("initial LISTs").isPositive();

            ApiEconomy.Idle idle = session.idle(Duration.ofSeconds(5), source -> { });
            assertThat(idle.requests().get(Kind.LIST)).as("LISTs while idle").isZero();
            assertThat(idle.requests().get(Kind.PORT_FORWARD)).as("port-forwards while idle").isZero();
            assertThat(idle.inTunnels()).as("requests in tunnels while idle, by port")
                    .doesNotContainKey(LiveEnvoyAdmin.DEFAULT_ADMIN_PORT);
            assertThat(idle.envoyReached()).as("proxies whose Envoy was asked before any was opened").isEmpty();

            ApiEconomy.Opened opened = session.openProxy();
            assertThat(opened.envoyReached()).as("proxies whose Envoy was asked")
                    .containsExactly(opened.viewed().namespace() + "/" + opened.viewed().name());
        }
    }

    @Test
    void theCountNoticesAStrayList(@TempDir Path dir) throws Exception {
        try (ApiEconomy session = ApiEconomy.start(20, dir)) {
            ApiEconomy.Idle idle = session.idle(Duration.ofMillis(300),
                    source -> source.connection().client().pods().inAnyNamespace().list());
            assertThat(idle.requests().get(Kind.LIST)).isEqualTo(1);
        }
    }
}
