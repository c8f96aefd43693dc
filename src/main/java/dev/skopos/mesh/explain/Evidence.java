package dev.skopos.mesh.explain;

/**
 * One fact read from Envoy's configuration or the cluster, with where it was read: enough to
 * check it by hand with {@code skopos pc ... -o json} or {@code kubectl get -o yaml}.
 *
 * @param source   the proxy ({@code pod.ns}) or object ({@code Service weather/weather-backend}) read
 * @param path     where in it: a JSON path such as {@code listeners[10.96.14.9_5000].filter_chains[0]}
 * @param value    what was there (or {@code absent})
 * @param supports true when the fact is the cause (red), false when it shows what works (green)
 */
public record Evidence(String source, String path, String value, boolean supports) {}
