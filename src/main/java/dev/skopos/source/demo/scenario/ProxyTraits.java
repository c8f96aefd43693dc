package dev.skopos.source.demo.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * What is special about one proxy: which istiod it talks to and which incident it carries.
 *
 * @param istiod          the istiod pod its xDS stream is connected to
 * @param sync            its xDS state as istiod reports it
 * @param lastAck         how long ago it last acknowledged a push; services younger than this are
 *                        what a STALE proxy is missing
 * @param cert            the state of its workload certificate and trust root
 * @param certIssuedAgo   when istiod signed its current workload certificate
 * @param warmingSecret   an SDS secret Envoy asked for and never got (null: none)
 * @param loggerOverrides Envoy loggers someone already raised with /logging?name=level
 */
public record ProxyTraits(String istiod, Sync sync, Duration lastAck, Cert cert, Duration certIssuedAgo,
                          String warmingSecret, Map<String, String> loggerOverrides) {

    public enum Sync {
        SYNCED,
        /** istiod sent CDS and RDS pushes the proxy has not acknowledged. */
        STALE,
        /** The proxy rejected istiod's last LDS push. */
        NACK
    }

    public enum Cert {
        /** A 24h workload certificate from the current root, rotated on schedule. */
        NORMAL,
        /** Past its rotation point: issued 23h ago, expires within the hour. */
        ROTATION_OVERDUE,
        /** Still signed by, and trusting only, the previous root, which expires in five days. */
        PREVIOUS_ROOT
    }

    public ProxyTraits {
        loggerOverrides = Map.copyOf(loggerOverrides);
    }

    public static ProxyTraits healthy(String istiod, Duration certIssuedAgo) {
        return new ProxyTraits(istiod, Sync.SYNCED, Duration.ofSeconds(40), Cert.NORMAL, certIssuedAgo, null, Map.of());
    }

    public ProxyTraits withSync(Sync value, Duration ackedAgo) {
        return new ProxyTraits(istiod, value, ackedAgo, cert, certIssuedAgo, warmingSecret, loggerOverrides);
    }

    public ProxyTraits withCert(Cert value, Duration issuedAgo) {
        return new ProxyTraits(istiod, sync, lastAck, value, issuedAgo, warmingSecret, loggerOverrides);
    }

    public ProxyTraits withWarmingSecret(String name) {
        return new ProxyTraits(istiod, sync, lastAck, cert, certIssuedAgo, name, loggerOverrides);
    }

    public ProxyTraits withLoggers(Map<String, String> overrides) {
        return new ProxyTraits(istiod, sync, lastAck, cert, certIssuedAgo, warmingSecret, overrides);
    }
}
