package dev.skopos.envoy.config;

/**
 * The parts of an Envoy {@code /config_dump}, one per admin {@code *ConfigDump} type. Error
 * messages name a section by {@link #label()} so a user knows which part of a dump is broken.
 */
public enum Section {
    BOOTSTRAP("bootstrap", "BootstrapConfigDump"),
    CLUSTERS("clusters", "ClustersConfigDump"),
    LISTENERS("listeners", "ListenersConfigDump"),
    ROUTES("routes", "RoutesConfigDump"),
    SCOPED_ROUTES("scoped_routes", "ScopedRoutesConfigDump"),
    ENDPOINTS("endpoints", "EndpointsConfigDump"),
    SECRETS("secrets", "SecretsConfigDump"),
    ECDS("ecds", "EcdsConfigDump");

    private final String label;
    private final String typeName;

    Section(String label, String typeName) {
        this.label = label;
        this.typeName = typeName;
    }

    public String label() {
        return label;
    }

    /**
     * The section an {@code @type} names, whatever its API version ({@code envoy.admin.v3.X},
     * {@code envoy.admin.v2alpha.X}); null for a type skopos does not know.
     */
    public static Section ofType(String typeUrl) {
        if (typeUrl == null) {
            return null;
        }
        String simple = typeUrl.substring(typeUrl.lastIndexOf('.') + 1);
        for (Section s : values()) {
            if (s.typeName.equals(simple)) {
                return s;
            }
        }
        return null;
    }
}
