package dev.skopos.mesh.explain;

import java.util.List;

/**
 * Why a finding matters in this mesh, proved from what Envoy holds: a conclusion a person can act
 * on, and the evidence behind it.
 */
public record Explanation(String conclusion, List<Evidence> evidence) {

    public Explanation {
        evidence = List.copyOf(evidence);
    }

    public static Explanation none(String why) {
        return new Explanation(why, List.of());
    }
}
