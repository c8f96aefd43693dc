package dev.skopos.istiod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How proxies spread over istiod replicas. istiod never moves a live xDS stream, so after a replica
 * restarts (or a new one scales up) it only gets proxies that connect from then on, and the older
 * replicas keep the rest until those proxies restart or their stream's max age (30 minutes by
 * default) runs out. A lopsided spread is normal for a while; one that stays means pushes to most
 * proxies depend on one replica.
 *
 * <p>The rule (small meshes make every spread look lopsided, so it needs both a ratio and an
 * absolute gap): unbalanced when, with two or more replicas,
 * <ul>
 *   <li>a replica has 0 proxies while another has 3 or more, or</li>
 *   <li>the busiest has more than twice the proxies of the idlest <em>and</em> at least 5 more.</li>
 * </ul>
 * So 11 vs 2 and 0 vs 3 are unbalanced; 6 vs 3 (gap 3), 3 vs 1 (gap 2) and 30 vs 16 (ratio 1.9) are not.
 *
 * @param replicas   replicas by proxy count, busiest first (ties by name)
 * @param unbalanced whether the rule above holds
 */
public record ReplicaLoad(List<Replica> replicas, boolean unbalanced) {

    static final int MIN_GAP = 5;
    static final int MIN_WHEN_IDLE = 3;

    /** One replica and the proxies connected to it. */
    public record Replica(String name, long proxies) {
    }

    public ReplicaLoad {
        replicas = List.copyOf(replicas);
    }

    /** @param proxiesByReplica replica name to connected proxies (from syncz or {@code pilot_xds}) */
    public static ReplicaLoad of(Map<String, Long> proxiesByReplica) {
        List<Replica> list = new ArrayList<>();
        proxiesByReplica.forEach((name, n) -> list.add(new Replica(name, n)));
        list.sort(Comparator.comparingLong(Replica::proxies).reversed().thenComparing(Replica::name));
        return new ReplicaLoad(list, unbalanced(list));
    }

    private static boolean unbalanced(List<Replica> sorted) {
        if (sorted.size() < 2) {
            return false;
        }
        long max = sorted.get(0).proxies();
        long min = sorted.get(sorted.size() - 1).proxies();
        if (min == 0) {
            return max >= MIN_WHEN_IDLE;
        }
        return max > 2 * min && max - min >= MIN_GAP;
    }

    /**
     * e.g. {@code istiod-7f9c6b8d5-kx2vq has 11 proxies, istiod-7f9c6b8d5-p8mzt 3}; the busiest
     * replica first. "" without replicas.
     */
    public String description() {
        if (replicas.isEmpty()) {
            return "";
        }
        Replica first = replicas.get(0);
        String head = first.name() + " has " + first.proxies() + (first.proxies() == 1 ? " proxy" : " proxies");
        if (replicas.size() == 1) {
            return head;
        }
        return head + ", " + replicas.subList(1, replicas.size()).stream()
                .map(r -> r.name() + " " + r.proxies()).collect(Collectors.joining(", "));
    }

    /** The warning line for the istiod view, "" when balanced. */
    public String warning() {
        return unbalanced ? "unbalanced: " + description() : "";
    }
}
