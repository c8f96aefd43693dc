package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.MeshSource;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.multi.MultiClusterSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two clusters watched at once: the proxies view leads with CLUSTER, and it sorts and filters like any column. */
class MultiClusterViewTest {

    private MeshSource source;

    private Pilot pilot(MeshSource east, MeshSource west) {
        Map<String, MeshSource> clusters = new LinkedHashMap<>();
        clusters.put("east", east);
        clusters.put("west", west);
        source = new MultiClusterSource(clusters, Runnable::run);
        return new Pilot(source, ShellTest.CLOCK, 120, 40, false);
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void proxiesOfBothClustersShowUnderACLUSTERColumnThatSortsAndFilters() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK), new DemoSource(ShellTest.CLOCK));

        assertThat(p.row(4)).startsWith("│ CLUSTER   NAMESPACE     NAME ");
        assertThat(p.row(5)).startsWith("│ east      bookinfo      details-v1-");
        assertThat(p.text()).contains("proxies(all)[28]").contains("│ west      bookinfo      details-v1-")
                .contains("ctx demo");

        p.type("N");
        assertThat(p.row(5)).as("by name, the clusters interleave").startsWith("│ east      payments      checkout-");
        assertThat(p.row(6)).startsWith("│ west      payments      checkout-");
        p.type("<<");
        assertThat(p.row(5)).as("by cluster").startsWith("│ east ");
        assertThat(p.row(18)).startsWith("│ east ");
        assertThat(p.row(19)).startsWith("│ west ");

        p.type("/west\n");
        assertThat(p.text()).contains("[14/28]");
        assertThat(rows(p)).hasSize(14).allSatisfy(row -> assertThat(row).startsWith("│ west "));
    }

    @Test
    void theIstioObjectBehindAProxysConfigIsItsOwnClustersCopy() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK), new DemoSource(ShellTest.CLOCK));
        p.type("/west.*productpage\n");
        p.type("3/reviews.*v1\n");
        p.type("o");
        assertThat(p.text()).contains("destinationrule reviews").contains(" in west (yaml)");

        p.type("\u001b\u001b\u001b\u001b/east.*productpage\n");
        p.type("3/reviews.*v1\n");
        p.type("o");
        assertThat(p.text()).contains(" in east (yaml)");
    }

    @Test
    void comparingReplicasPrefersOneInTheSameCluster() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK), new DemoSource(ShellTest.CLOCK));
        p.type("/west.*reviews-v2.*h2lqw\n");
        p.type("D");
        assertThat(p.text()).contains("compare west/reviews-v2-6c9d8b7f5-r9fjd ↔ west/reviews-v2-6c9d8b7f5-h2lqw");
    }

    @Test
    void aClusterThatMayNotListPodsIsABannerLineOverTheOthersRows() {
        FailingSourceTest.Broken west = new FailingSourceTest.Broken();
        west.forbidPods = true;
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK), west);

        assertThat(p.row(2)).contains("STALE: west: forbidden: needs list on pods");
        assertThat(p.text()).contains("proxies(all)[14]");
        assertThat(rows(p)).hasSize(14).allSatisfy(row -> assertThat(row).startsWith("│ east "));
    }

    /** The table's data rows: those that start with a cluster name. */
    private static java.util.List<String> rows(Pilot p) {
        return p.text().lines().filter(l -> l.startsWith("│ east ") || l.startsWith("│ west ")).toList();
    }
}
