package dev.skopos.source;

/** The namespaces a view looks at: one namespace, or all of them. */
public record Scope(String namespace) {

    public static final Scope ALL = new Scope("");

    public static Scope of(String namespace) {
        return namespace == null || namespace.isBlank() ? ALL : new Scope(namespace);
    }

    public boolean isAll() {
        return namespace.isEmpty();
    }

    public boolean includes(String objectNamespace) {
        return isAll() || namespace.equals(objectNamespace) || objectNamespace == null || objectNamespace.isEmpty();
    }

    public String label() {
        return isAll() ? "all" : namespace;
    }
}
