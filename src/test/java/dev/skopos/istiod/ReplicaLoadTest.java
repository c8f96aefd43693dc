package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaLoadTest {

    @ParameterizedTest(name = "{0} → unbalanced={1}")
    @CsvSource(delimiter = '|', value = {
            "11 2      | true",   // the demo's story before the second reviews-v2 replica
            "11 3      | true",   // the demo now
            "0 3       | true",   // a replica with nothing while another serves several
            "0 2       | false",  // two proxies can sit anywhere
            "6 3       | false",  // twice, but only 3 apart
            "7 2       | true",
            "3 1       | false",
            "30 16     | false",  // 14 apart, yet under twice
            "40 12 13  | true",   // three replicas: busiest against idlest
            "12 12 11  | false",
            "9         | false",  // one replica cannot be unbalanced
            "0 0       | false"})
    void decidesByRatioAndGap(String counts, boolean unbalanced) {
        Map<String, Long> byReplica = new LinkedHashMap<>();
        String[] n = counts.strip().split("\\s+");
        for (int i = 0; i < n.length; i++) {
            byReplica.put("istiod-" + i, Long.parseLong(n[i]));
        }
        assertThat(ReplicaLoad.of(byReplica).unbalanced()).isEqualTo(unbalanced);
    }

    @Test
    void describesBusiestFirst() {
        Map<String, Long> byReplica = new LinkedHashMap<>();
        byReplica.put("istiod-7f9c6b8d5-p8mzt", 3L);
        byReplica.put("istiod-7f9c6b8d5-kx2vq", 11L);
        ReplicaLoad load = ReplicaLoad.of(byReplica);
        assertThat(load.description()).isEqualTo("istiod-7f9c6b8d5-kx2vq has 11 proxies, istiod-7f9c6b8d5-p8mzt 3");
        assertThat(load.warning()).isEqualTo("unbalanced: " + load.description());
        assertThat(ReplicaLoad.of(Map.of("istiod-a", 1L)).description()).isEqualTo("istiod-a has 1 proxy");
        assertThat(ReplicaLoad.of(Map.of("istiod-a", 4L, "istiod-b", 4L)).warning()).isEmpty();
        assertThat(ReplicaLoad.of(Map.of()).description()).isEmpty();
    }
}
