package dev.skopos.analysis.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a hostname up in DNS for the external control plane check. Analysis is offline and
 * deterministic by default ({@link #OFFLINE} answers "unknown" and nothing is reported); the CLI
 * may pass {@link #SYSTEM} to do what istioctl does and query DNS.
 */
public interface HostResolver {

    enum Answer { RESOLVES, NO_ADDRESSES, DOES_NOT_RESOLVE, UNKNOWN }

    Answer lookup(String hostname);

    HostResolver OFFLINE = hostname -> Answer.UNKNOWN;

    HostResolver SYSTEM = hostname -> {
        try {
            return InetAddress.getAllByName(hostname).length == 0 ? Answer.NO_ADDRESSES : Answer.RESOLVES;
        } catch (UnknownHostException | SecurityException e) {
            return Answer.DOES_NOT_RESOLVE;
        }
    };
}
