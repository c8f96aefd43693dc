package dev.skopos.source;

/** Something that keeps delivering until closed: a change listener, a log tail, a forward. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
