package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.envoy.config.ExtensionConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code istioctl proxy-config ecds}: extension configs of every ECDS section, merged. */
public final class EcdsTable {

    private static final String TYPE_PREFIX = "type.googleapis.com/";

    private EcdsTable() {
    }

    public static String summary(List<ExtensionConfig> extensions) {
        List<ExtensionConfig> rows = new ArrayList<>(extensions);
        rows.sort(Comparator.comparing(ExtensionConfig::typeUrl).thenComparing(ExtensionConfig::name));
        TabWriter w = new TabWriter(5);
        w.line("ECDS NAME\tTYPE");
        for (ExtensionConfig e : rows) {
            String type = e.typeUrl().startsWith(TYPE_PREFIX) ? e.typeUrl().substring(TYPE_PREFIX.length()) : e.typeUrl();
            w.row(e.name(), type);
        }
        return w.flush();
    }

    /** {@code {"ecdsFilters": [...]}} in dump order, as protojson writes the merged dump. */
    public static String json(List<ExtensionConfig> extensions) {
        ObjectNode dump = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = dump.putArray("ecds_filters");
        extensions.forEach(e -> arr.add(e.raw()));
        return GoJson.write(dump, GoJson.Style.PROTOJSON);
    }
}
