package dev.skopos.mesh;

/**
 * A piece of a view that came from one request: either the value or a one-line reason it is
 * missing. Views show the reason in place of the value, so one failed pull never blanks a pane.
 */
public record Fetched<T>(T value, String error) {

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, null);
    }

    public static <T> Fetched<T> failed(String error) {
        return new Fetched<>(null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
