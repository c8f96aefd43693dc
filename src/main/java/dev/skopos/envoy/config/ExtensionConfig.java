package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One ECDS filter ({@code EcdsConfigDump.ecds_filters[]}).
 *
 * @param name        the TypedExtensionConfig's name
 * @param typeUrl     its {@code typed_config} {@code @type}, "" when the filter has none yet
 * @param versionInfo the xDS version, "" for none
 * @param lastUpdated null when absent
 * @param raw         the {@code ecds_filters[]} entry as Envoy wrote it, or null
 */
public record ExtensionConfig(String name, String typeUrl, String versionInfo, Instant lastUpdated, JsonNode raw) {
}
