package dev.skopos.analysis.skopos;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/** skopos's own checks (SKP codes, skopos-checks.yaml): the traps istioctl analyze does not report. */
public final class SkoposChecks {

    private SkoposChecks() {
    }

    public static List<Analyzer> all() {
        return List.of(
                new DestinationRuleConflictAnalyzer(),
                new TlsDisabledUnderStrictMtlsAnalyzer(),
                new RouteWeightsAnalyzer(),
                new SubsetNotDefinedAnalyzer(),
                new SubsetSelectsNoPodsAnalyzer(),
                new HttpRoutesOnTcpPortAnalyzer(),
                new MetricsNotScrapedAnalyzer(),
                new HttpProbesUnderStrictMtlsAnalyzer(),
                new AppStartsBeforeProxyAnalyzer(),
                new UdpPortInMeshAnalyzer(),
                new HeadlessServiceRoutedAnalyzer(),
                new IstioInitCapabilitiesAnalyzer(),
                new AccessLogsOffAnalyzer());
    }
}
