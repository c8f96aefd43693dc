package dev.skopos.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects what analyzers find, in the order they report it. */
public final class Reporter {

    private final List<Diagnostic> found = new ArrayList<>();

    /** Reports a finding of the named catalogue type about a resource (null: about the mesh). */
    public void report(String typeName, Resource resource, Object... args) {
        found.add(new Diagnostic(Catalog.type(typeName), resource, Arrays.asList(args)));
    }

    public List<Diagnostic> found() {
        return List.copyOf(found);
    }
}
