package dev.skopos.analysis;

/**
 * One check over a snapshot. Names follow istioctl's ({@code virtualservice.GatewayAnalyzer}) so
 * {@code --analyzer} and {@code -L} read the same; our own checks are named {@code skopos.*}.
 */
public interface Analyzer {

    String name();

    /** One line for {@code analyze -L}. */
    String description();

    void analyze(ResourceSnapshot snapshot, Reporter reporter);
}
