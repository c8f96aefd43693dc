package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.SecretConfig;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.config.SecretsTable;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** SDS secrets of one proxy: state, expiry in colour, identity. Private keys never get this far. */
final class SecretsView extends ConfigView<ConfigDump> {

    private List<SecretConfig> shown = List.of();

    SecretsView(PodRef pod) {
        super(pod, "secrets", null);
    }

    @Override
    CompletableFuture<ConfigDump> fetch(Shell shell, boolean reload) {
        return shell.envoyConfigs().dump(pod, reload);
    }

    @Override
    Table table(ConfigDump dump, Instant now) {
        shown = dump.secrets();
        return SecretsTable.of(shown, now);
    }

    @Override
    JsonNode raw(ConfigDump dump, Row row) {
        return shown.get(Integer.parseInt(row.id())).raw();
    }
}
