package dev.skopos.analysis.networking;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/** istioctl's analyzers for VirtualService, DestinationRule, Gateway, ServiceEntry, Sidecar and EnvoyFilter. */
public final class NetworkingAnalyzers {

    private NetworkingAnalyzers() {
    }

    public static List<Analyzer> all() {
        return List.of(
                new VirtualServiceGatewayAnalyzer(),
                new DestinationHostAnalyzer(),
                new DestinationRuleAnalyzer(),
                new ConflictingMeshGatewayHostsAnalyzer(),
                new JwtClaimRouteAnalyzer(),
                new SubsetSelectPodAnalyzer(),
                new IngressGatewayPortAnalyzer(),
                new ConflictingGatewayAnalyzer(),
                new ServiceEntryAddressesAnalyzer(),
                new ConflictingServiceEntryProtocolAnalyzer(),
                new SidecarSelectorAnalyzer(),
                new SidecarDefaultSelectorAnalyzer(),
                new EnvoyPatchAnalyzer(),
                new VirtualServiceValidationAnalyzer(),
                new GatewayValidationAnalyzer(),
                new DestinationRuleValidationAnalyzer(),
                new SidecarValidationAnalyzer(),
                new EnvoyFilterValidationAnalyzer());
    }
}
