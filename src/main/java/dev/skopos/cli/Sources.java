package dev.skopos.cli;

import dev.skopos.source.MeshSource;
import dev.skopos.source.demo.DemoSource;

/** Opens the {@link MeshSource} that {@link SourceOptions} name; the one place one-shot commands pick an implementation. */
final class Sources {

    /** The source cannot be opened with these options: a usage problem (exit 2). */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private Sources() {
    }

    static MeshSource open(SourceOptions options) throws Unsupported {
        if (options.demo) {
            return DemoSource.create();
        }
        throw new Unsupported("live clusters are not supported yet; use -f FILE or --demo");
    }
}
