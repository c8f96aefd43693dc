package dev.skopos.source;

/**
 * One istiod replica's sync report, in whichever format it spoke: the xDS debug type
 * {@code istio.io/debug/syncz} (a DiscoveryResponse of ClientConfig, istiod 1.22+) or the older
 * HTTP {@code /debug/syncz} JSON list on port 15014.
 */
public record SynczAnswer(IstiodInstance istiod, Format format, String body) {

    public enum Format { XDS, HTTP }
}
