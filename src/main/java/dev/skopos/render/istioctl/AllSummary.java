package dev.skopos.render.istioctl;

import dev.skopos.envoy.config.ConfigDump;
import java.time.Instant;

/**
 * {@code istioctl proxy-config all}: bootstrap versions, then clusters, listeners, routes,
 * secrets and EDS endpoints, each table with its {@code NAME} column; {@code withHeaders} puts a
 * {@code ------ X INFO ------} line over each part.
 */
public final class AllSummary {

    private AllSummary() {
    }

    public static String render(ConfigDump dump, Instant now, boolean withHeaders) {
        StringBuilder out = new StringBuilder();
        part(out, withHeaders, "BOOTSTRAP", dump.bootstrap() == null ? "" : BootstrapText.summary(dump.bootstrap()));
        out.append('\n');
        part(out, withHeaders, "CLUSTER", ClusterTable.summary(dump.clusters(), ClusterTable.Filter.NONE, true));
        out.append('\n');
        part(out, withHeaders, "LISTENER",
                ListenerTable.summary(dump.listeners(), ListenerTable.Filter.NONE, true, true));
        out.append('\n');
        part(out, withHeaders, "ROUTE", RouteTable.summary(dump.routes(), "", true, true));
        out.append('\n');
        part(out, withHeaders, "SECRET", SecretTable.summary(dump.secrets(), now, true));
        out.append('\n');
        part(out, withHeaders, "ENDPOINTS", EndpointTable.edsSummary(dump.endpoints(), EndpointTable.Filter.NONE, true));
        return out.toString();
    }

    private static void part(StringBuilder out, boolean withHeaders, String name, String body) {
        if (withHeaders) {
            out.append("------ ").append(name).append(" INFO ------\n\n");
        }
        out.append(body);
    }
}
