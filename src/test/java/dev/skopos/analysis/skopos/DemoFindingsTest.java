package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Analyzers;
import dev.skopos.analysis.CheckDocs;
import dev.skopos.analysis.Catalog;
import dev.skopos.analysis.Suppressions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** All our checks over the demo mesh, which reproduces PRODUCT.md's incidents. */
class DemoFindingsTest {

    static final List<String> FOUND = AnalysisRun.run(Fixtures.demo(), SkoposChecks.all(), Suppressions.NONE)
            .stream().map(Fixtures::line).toList();

    @Test
    void incidentOneWeightedRoutesOnTcpPort() {
        assertThat(FOUND).anySatisfy(l -> assertThat(l).startsWith("SKP0007 VirtualService weather/weather-backend:")
                .contains("port backend (5000) is TCP", "sniffing for outbound is off"));
    }

    @Test
    void incidentTwoReviewsLegacyMergedAway() {
        assertThat(FOUND).contains("SKP0001 DestinationRule bookinfo/reviews-legacy: DestinationRule bookinfo/reviews-legacy"
                + " is merged into the older bookinfo/reviews for host reviews.bookinfo: its subsets v1, v2 (names already"
                + " taken) and its trafficPolicy (loadBalancer RANDOM) never reach Envoy");
    }

    @Test
    void incidentThreeTlsDisabledTowardsStrictPaymentsApi() {
        assertThat(FOUND).anySatisfy(l -> assertThat(l).startsWith("SKP0003 DestinationRule payments/payments-api:")
                .contains("PeerAuthentication payments/payments-api-strict", "Deployment payments/payments-api"));
    }

    @Test
    void incidentFourWeatherBackendsNotScrapedButPaymentsApiIs() {
        assertThat(FOUND).anyMatch(l -> l.startsWith("SKP0009 Deployment weather/weather-backend-single:"))
                .anyMatch(l -> l.startsWith("SKP0009 Deployment weather/weather-backend-multiple:"))
                .noneMatch(l -> l.startsWith("SKP0009 Deployment payments/payments-api"));
    }

    @Test
    void incidentFiveSubsetWithoutPods() {
        assertThat(FOUND).anyMatch(l -> l.startsWith("SKP0016 DestinationRule bookinfo/reviews: Subset \"v3\""))
                .noneMatch(l -> l.startsWith("SKP0016 DestinationRule bookinfo/reviews-legacy"));
    }

    @Test
    void nativeSidecarsAndLoggingAreFine() {
        assertThat(FOUND).anyMatch(l -> l.startsWith("SKP0011 Deployment bookinfo/reviews-v1:"))
                .noneMatch(l -> l.startsWith("SKP0011 Deployment bookinfo/reviews-v2"))
                .noneMatch(l -> l.startsWith("SKP0011 Deployment payments/ledger"))
                .noneMatch(l -> l.startsWith("SKP0015"))
                .noneMatch(l -> l.startsWith("SKP0014"));
    }

    @Test
    void everyCodeHasItsMeaningAndFixAndIsRegistered() {
        List<String> codes = Catalog.get().all().stream().filter(t -> t.code().startsWith("SKP")).map(t -> t.code()).toList();
        assertThat(codes).hasSize(22); // 16 object checks, 6 runtime ones (mesh.RuntimeFindings)
        codes.forEach(c -> assertThat(CheckDocs.forCode(c)).hasValueSatisfying(d -> {
            assertThat(d.description()).isNotBlank();
            assertThat(d.fix()).isNotBlank();
        }));
        assertThat(Analyzers.all()).filteredOn(a -> a.name().startsWith("skopos.")).hasSize(SkoposChecks.all().size());
        assertThat(CheckDocs.forCode("IST0101")).isEmpty();
    }
}
