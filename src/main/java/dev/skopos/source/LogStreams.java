package dev.skopos.source;

import java.util.function.Consumer;

/** Container log tails ({@code kubectl logs -f}), line by line. */
public interface LogStreams {

    /**
     * Follows a container's log, first replaying up to {@code tailLines} recent lines. Lines arrive
     * on a source thread; {@code onEnd} receives null when the stream ends normally, or the
     * {@link SourceException} that ended it. Closing the subscription stops the stream.
     */
    Subscription follow(PodRef pod, String container, int tailLines, Consumer<String> onLine,
                        Consumer<SourceException> onEnd);
}
