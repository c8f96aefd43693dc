package dev.skopos.render.config;

import dev.skopos.mesh.Ages;
import dev.skopos.envoy.config.SecretConfig;
import dev.skopos.mesh.CertExpiry;

import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SDS secrets with their certificates decoded: state, time to expiry (coloured), serial, SPIFFE id
 * and trust domain. Private keys never reach this far: the parser drops them.
 */
public final class SecretsTable {

    private SecretsTable() {
    }

    public static Table of(List<SecretConfig> secrets, Instant now) {
        List<Column> columns = List.of(
                Column.text("NAME").shrinks(3, 24),
                Column.text("TYPE"),
                Column.text("STATE"),
                Column.text("EXPIRES IN"),
                Column.text("NOT AFTER").drops(2),
                Column.text("SERIAL").shrinks(1, 10).drops(1),
                Column.wide("IDENTITY").shrinks(2, 16));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            SecretConfig s = secrets.get(i);
            SecretConfig.Certificate cert = s.first();
            String type = switch (s.kind()) {
                case CERT_CHAIN -> "Cert Chain";
                case CA -> "CA";
                case EMPTY -> "-";
            };
            Tone stateTone = "ACTIVE".equals(s.state()) ? Tone.OK : Tone.WARN;
            String expires = cert == null ? "-" : expiresIn(cert, now);
            Tone expiryTone = cert == null ? Tone.DIM : expiryTone(cert, now);
            String identity = cert == null ? "" : !cert.spiffeId().isEmpty() ? cert.spiffeId()
                    : cert.sans().isEmpty() ? cert.subject() : String.join(",", cert.sans());
            List<Cell> cells = List.of(Cell.of(s.name()), Cell.of(type), Cell.of(s.state(), stateTone),
                    Cell.of(expires, expiryTone), Cell.of(cert == null ? "-" : cert.notAfter().toString()),
                    Cell.of(cert == null ? "-" : cert.serialHex()), Cell.of(identity));
            List<Comparable<?>> keys = List.of(s.name(), type, s.state(),
                    cert == null ? Long.MAX_VALUE : cert.notAfter().getEpochSecond(),
                    cert == null ? Long.MAX_VALUE : cert.notAfter().getEpochSecond(),
                    cert == null ? "" : cert.serialHex(), identity);
            rows.add(new Row(Integer.toString(i), cells, keys, !"ACTIVE".equals(s.state()) || expiryTone != Tone.OK));
        }
        return new Table(columns, rows);
    }

    static String expiresIn(SecretConfig.Certificate cert, Instant now) {
        Duration left = Duration.between(now, cert.notAfter());
        if (left.isNegative()) {
            return "EXPIRED " + Ages.human(left.negated()) + " ago";
        }
        long days = left.toDays();
        return days >= 2 ? days + "d" : Ages.human(left);
    }

    static Tone expiryTone(SecretConfig.Certificate cert, Instant now) {
        return switch (CertExpiry.judge(cert.notBefore(), cert.notAfter(), now)) {
            case OK -> Tone.OK;
            case WARNING -> Tone.WARN;
            case ERROR -> Tone.ERROR;
        };
    }
}
