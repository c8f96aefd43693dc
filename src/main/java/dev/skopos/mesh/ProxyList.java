package dev.skopos.mesh;

import java.util.List;

/**
 * The proxies in scope plus what could not be read while building them (an istiod that did not
 * answer, a forbidden list): a partial answer beats an empty screen during an incident.
 */
public record ProxyList(List<Proxy> proxies, List<String> problems) {

    public ProxyList {
        proxies = List.copyOf(proxies);
        problems = List.copyOf(problems);
    }

    public long faultyCount() {
        return proxies.stream().filter(Proxy::faulty).count();
    }

    /** Distinct data-plane versions, sorted, for the header. */
    public List<String> versions() {
        return proxies.stream().map(Proxy::version).filter(v -> v != null && !v.isEmpty()).distinct().sorted().toList();
    }
}
