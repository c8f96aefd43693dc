package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * istioctl's {@code serviceentry.ConflictingServiceEntryProtocolAnalyzer}: ServiceEntries visible to
 * the same namespaces (exportTo) that declare the same host and port with different protocols
 * (compared case-insensitively). Entries exported to all namespaces clash with every scope. Each
 * ServiceEntry is reported once.
 */
final class ConflictingServiceEntryProtocolAnalyzer implements Analyzer {

    private record Key(String scope, String host, int port) {
    }

    private record Entry(String protocol, Resource serviceEntry) {
    }

    @Override
    public String name() {
        return "serviceentry.ConflictingServiceEntryProtocolAnalyzer";
    }

    @Override
    public String description() {
        return "Checks if multiple ServiceEntries define the same host and port with different protocols";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<Key, List<Entry>> index = new LinkedHashMap<>();
        for (Resource se : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "ServiceEntry")) {
            JsonNode spec = se.spec();
            for (String scope : ExportTo.scopes(ExportTo.of(spec), se.namespace())) {
                for (String host : RouteDestinations.strings(spec.path("hosts"))) {
                    for (JsonNode p : spec.path("ports")) {
                        index.computeIfAbsent(new Key(scope, host, p.path("number").asInt(0)), k -> new ArrayList<>())
                                .add(new Entry(p.path("protocol").asText(""), se));
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        index.forEach((key, own) -> {
            List<Entry> entries = new ArrayList<>(own);
            if (!key.scope().equals(ExportTo.ALL)) {
                entries.addAll(index.getOrDefault(new Key(ExportTo.ALL, key.host(), key.port()), List.of()));
            }
            Set<String> protocols = new TreeSet<>();
            entries.forEach(e -> protocols.add(e.protocol().toUpperCase(java.util.Locale.ROOT)));
            if (protocols.size() < 2) {
                return;
            }
            Set<String> names = new TreeSet<>();
            entries.forEach(e -> names.add(e.serviceEntry().fullName()));
            for (Entry e : entries) {
                if (reported.add(e.serviceEntry().fullName())) {
                    reporter.report("ConflictingServiceEntryProtocol", e.serviceEntry(), String.join(", ", names), key.host(),
                            key.port(), String.join(", ", protocols));
                }
            }
        });
    }
}
