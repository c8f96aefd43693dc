package dev.skopos.envoy.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a parse keeps. A short table over a 50 MB dump needs only the records of one section, so
 * the parser skips other sections without building trees and drops each object's JSON once its
 * record is made; views and {@code -o json} ask for {@link #keepRaw} and get every record's JSON.
 *
 * @param keepRaw  whether records carry their object's JSON ({@code raw}); null raw otherwise
 * @param sections the sections to parse; the others are skipped (still checked to be JSON)
 */
public record ParseOptions(boolean keepRaw, Set<Section> sections) {

    /** Everything, with raw JSON: what the TUI and {@code -o json|yaml} use. */
    public static final ParseOptions FULL = new ParseOptions(true, EnumSet.allOf(Section.class));

    /** Every section, records only. */
    public static final ParseOptions LEAN = new ParseOptions(false, EnumSet.allOf(Section.class));

    public ParseOptions {
        sections = sections.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sections));
    }

    /** Only {@code wanted}, records only: the fast path of a short table. */
    public static ParseOptions only(Section first, Section... more) {
        return new ParseOptions(false, EnumSet.of(first, more));
    }

    public ParseOptions withRaw(boolean keep) {
        return new ParseOptions(keep, sections);
    }

    public boolean wants(Section section) {
        return sections.contains(section);
    }
}
