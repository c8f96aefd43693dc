package dev.skopos.config;

/**
 * Everything a key can do. The keymap file binds keys to these ids; input handling, the hint
 * bar, the help screen and read-only mode are all generated from this one list plus the keymap,
 * so they cannot drift apart.
 */
public enum Action {
    // General
    COMMAND("command", Group.GENERAL, "Command prompt (:proxies, :ns NAME, :q)", false, true),
    FILTER("filter", Group.GENERAL, "Filter by regex (! inverts)", false, true),
    HELP("help", Group.GENERAL, "Show every key", false, true),
    BACK("back", Group.GENERAL, "Back / clear filter / close", false, false),
    REFRESH("refresh", Group.GENERAL, "Refresh now", false, false),
    QUIT("quit", Group.GENERAL, "Quit", false, true),
    // Navigation
    UP("up", Group.NAVIGATION, "Up one row", false, false),
    DOWN("down", Group.NAVIGATION, "Down one row", false, false),
    PAGE_UP("page-up", Group.NAVIGATION, "Up one page", false, false),
    PAGE_DOWN("page-down", Group.NAVIGATION, "Down one page", false, false),
    TOP("top", Group.NAVIGATION, "First row", false, false),
    BOTTOM("bottom", Group.NAVIGATION, "Last row", false, false),
    // View
    DRILL("drill", Group.VIEW, "Drill down: listener > route > cluster > endpoints", false, true),
    LISTENERS("listeners", Group.VIEW, "Envoy listeners of the proxy", false, true),
    ROUTES("routes", Group.VIEW, "Envoy routes of the proxy", false, true),
    CLUSTERS("clusters", Group.VIEW, "Envoy clusters of the proxy", false, true),
    ENDPOINTS("endpoints", Group.VIEW, "Envoy endpoints of the proxy (live health)", false, true),
    SECRETS("secrets", Group.VIEW, "SDS secrets and certificates of the proxy", false, true),
    BOOTSTRAP("bootstrap", Group.VIEW, "Envoy bootstrap of the proxy", false, true),
    SYNC("sync", Group.VIEW, "xDS sync per type: staleness and NACK errors", false, true),
    DIFF("diff", Group.VIEW, "Diff what istiod would send with what Envoy holds", false, true),
    MARK("mark", Group.VIEW, "Mark a proxy to compare another with", false, false),
    COMPARE("compare", Group.VIEW, "Compare with the marked proxy (default: a replica of the same workload)", false, true),
    ISTIOD("istiod", Group.VIEW, "istiod replicas: load, metrics, rejections, log scopes", false, true),
    FINDINGS("findings", Group.VIEW, "Analysis findings: istioctl's checks and skopos's own", false, true),
    YAML("yaml", Group.VIEW, "Show the object: YAML, or Envoy's JSON", false, true),
    ISTIO_SOURCE("istio-source", Group.VIEW, "Open the Istio object that produced it", false, true),
    FAULTY("faulty", Group.VIEW, "Toggle faulty only", false, true),
    SORT_NAME("sort-name", Group.VIEW, "Sort by NAME (again: reverse)", false, false),
    SORT_AGE("sort-age", Group.VIEW, "Sort by AGE (again: reverse)", false, false),
    SORT_STATUS("sort-status", Group.VIEW, "Sort by STATUS (again: reverse)", false, false),
    SORT_SYNC("sort-sync", Group.VIEW, "Sort by SYNC (again: reverse)", false, false),
    SORT_NEXT("sort-next", Group.VIEW, "Sort by the next column", false, false),
    SORT_PREV("sort-prev", Group.VIEW, "Sort by the previous column", false, false),
    LOG_LEVEL("log-level", Group.VIEW, "Cycle the proxy's Envoy log level", true, true);

    /** Where the help screen lists an action. */
    public enum Group { GENERAL, NAVIGATION, VIEW }

    private final String id;
    private final Group group;
    private final String description;
    private final boolean mutating;
    private final boolean hinted;

    Action(String id, Group group, String description, boolean mutating, boolean hinted) {
        this.id = id;
        this.group = group;
        this.description = description;
        this.mutating = mutating;
        this.hinted = hinted;
    }

    /** The id keymap files use. */
    public String id() {
        return id;
    }

    public Group group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** Changes something in the cluster: confirmed first, refused under --readonly. */
    public boolean mutating() {
        return mutating;
    }

    /** Shown in the hint bar (the rest only in help, to keep the bar short). */
    public boolean hinted() {
        return hinted;
    }

    public static Action byId(String id) {
        for (Action a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }
}
