package dev.skopos.analysis;

import java.util.List;

/**
 * One finding: a message type about a resource, with the arguments of its template.
 *
 * @param resource null for findings about the whole mesh
 */
public record Diagnostic(MessageType type, Resource resource, List<Object> args) {

    public Diagnostic {
        args = List.copyOf(args);
    }

    public String message() {
        return GoFormat.format(type.template(), args);
    }

    public Level level() {
        return type.level();
    }

    public String code() {
        return type.code();
    }
}
