package dev.skopos.source;

/** One istiod replica: its pod, the revision it serves, its version. */
public record IstiodInstance(PodRef pod, String revision, String version) {

    /** The name istioctl prints in the ISTIOD column. */
    public String name() {
        return pod.name();
    }
}
