package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * istioctl's {@code serviceentry.Analyzer} (Go type ProtocolAddressesAnalyzer): a ServiceEntry with
 * TCP (or unspecified-protocol) ports needs addresses, unless an address was already allocated
 * ({@code status.addresses}) or the mesh auto-allocates them (DNS capture on, with
 * ISTIO_META_DNS_AUTO_ALLOCATE or PILOT_ENABLE_IP_AUTOALLOCATE). One finding per such port.
 */
final class ServiceEntryAddressesAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "serviceentry.Analyzer";
    }

    @Override
    public String description() {
        return "Checks the validity of ServiceEntry";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        boolean autoAllocated = autoAllocates(snapshot.meshConfig());
        for (Resource se : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "ServiceEntry")) {
            JsonNode spec = se.spec();
            if (spec.path("addresses").size() > 0 || se.body().path("status").path("addresses").size() > 0 || autoAllocated) {
                continue;
            }
            for (JsonNode port : spec.path("ports")) {
                String protocol = port.path("protocol").asText("");
                if (protocol.isEmpty() || protocol.equalsIgnoreCase("TCP")) {
                    reporter.report("ServiceEntryAddressesRequired", se);
                }
            }
        }
    }

    static boolean autoAllocates(JsonNode meshConfig) {
        JsonNode md = meshConfig.path("defaultConfig").path("proxyMetadata");
        if (!md.path("ISTIO_META_DNS_CAPTURE").asText("").equals("true")) {
            return false;
        }
        return md.path("ISTIO_META_DNS_AUTO_ALLOCATE").asText("").equals("true")
                || md.path("PILOT_ENABLE_IP_AUTOALLOCATE").asText("").equals("true");
    }
}
