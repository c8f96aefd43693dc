package dev.skopos.mesh;

/** Something on a proxy worth an on-call engineer's attention, with how bad it is. */
public record Warning(Severity severity, String text) {

    public enum Severity { INFO, WARNING, ERROR }
}
