package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.ResourceKind;
import org.junit.jupiter.api.Test;

class UnreadKindsTest {

    @Test
    void kindsFailingForTheSameReasonShareALine() {
        UnreadKinds unread = new UnreadKinds();
        unread.add(ResourceKind.CONFIG_MAP, "forbidden: needs list on configmaps at cluster scope; try -n NAMESPACE");
        unread.add(ResourceKind.SECRET, "forbidden: needs list on secrets at cluster scope; try -n NAMESPACE");
        unread.add(ResourceKind.SERVICE, "forbidden: needs watch on services in shop");
        unread.add(ResourceKind.POD, "API server unreachable: Connection refused");

        assertThat(unread.lines()).containsExactly(
                "forbidden: needs list on configmaps, secrets at cluster scope; try -n NAMESPACE",
                "forbidden: needs watch on services in shop",
                "pods: API server unreachable: Connection refused");
    }
}
