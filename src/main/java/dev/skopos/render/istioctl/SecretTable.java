package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.envoy.config.SecretConfig;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code istioctl proxy-config secret}: one row per secret (warming first), or per trust domain
 * of a SPIFFE validator, with a TRUST DOMAIN column when any secret has trust domains. VALID CERT
 * is judged against {@code now}.
 */
public final class SecretTable {

    private SecretTable() {
    }

    public static String summary(List<SecretConfig> secrets, Instant now, boolean withNames) {
        List<SecretConfig> dynamic = secrets.stream().filter(s -> !s.state().equals("STATIC")).toList();
        if (dynamic.isEmpty()) {
            return "No active or warming secrets found.\n";
        }
        boolean trustDomains = dynamic.stream().anyMatch(s -> !s.trustDomains().isEmpty());
        TabWriter w = new TabWriter(5);
        w.line("RESOURCE NAME\tTYPE\tSTATUS\tVALID CERT\tSERIAL NUMBER\tNOT AFTER\tNOT BEFORE"
                + (trustDomains ? "\tTRUST DOMAIN" : ""));
        for (SecretConfig s : dynamic) {
            String name = (withNames ? "secret/" : "") + s.name();
            String state = s.state().equals("UNINITIALIZED") ? "ACTIVE" : s.state();
            if (!s.trustDomains().isEmpty()) {
                for (SecretConfig.TrustDomainBundle td : s.trustDomains()) {
                    SecretConfig.Certificate c = td.certificates().isEmpty() ? null : td.certificates().get(0);
                    w.row(row(name, state, c, now, trustDomains, td.name()));
                }
                continue;
            }
            SecretConfig.Certificate c = s.first();
            w.row(row(name, state, c, now, trustDomains, c == null ? "" : c.trustDomain()));
        }
        return w.flush();
    }

    private static List<String> row(String name, String state, SecretConfig.Certificate c, Instant now,
            boolean trustDomains, String trustDomain) {
        List<String> row = new ArrayList<>(List.of(name, c == null ? "" : c.ca() ? "CA" : "Cert Chain", state,
                String.valueOf(c != null && c.validAt(now)), c == null ? "" : c.serialHex(),
                c == null ? "" : rfc3339(c.notAfter()), c == null ? "" : rfc3339(c.notBefore())));
        if (trustDomains) {
            row.add(trustDomain);
        }
        return row;
    }

    private static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The SecretsConfigDump as jsonpb writes it (private keys were dropped while parsing). */
    public static String json(List<SecretConfig> secrets) {
        ObjectNode dump = JsonNodeFactory.instance.objectNode();
        add(dump, "static_secrets", secrets, "STATIC");
        add(dump, "dynamic_active_secrets", secrets, "ACTIVE", "UNINITIALIZED");
        add(dump, "dynamic_warming_secrets", secrets, "WARMING");
        return GoJson.write(dump, GoJson.Style.JSONPB);
    }

    private static void add(ObjectNode dump, String field, List<SecretConfig> secrets, String... states) {
        ArrayNode arr = dump.arrayNode();
        for (SecretConfig s : secrets) {
            if (List.of(states).contains(s.state()) && s.raw() != null) {
                arr.add(s.raw());
            }
        }
        if (!arr.isEmpty()) {
            dump.set(field, arr);
        }
    }
}
