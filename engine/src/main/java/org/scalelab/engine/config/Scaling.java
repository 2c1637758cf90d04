package org.scalelab.engine.config;

import java.util.Locale;

/** How the batch grows with the number of workers in a parallel run. */
public enum Scaling {
    /** The global batch stays {@code batchSize}; workers split it (same work, more hands). */
    STRONG,
    /** Every worker takes {@code batchSize}; the global batch grows with the workers (more work, more hands). */
    WEAK;

    /** Lower case: the spelling used on the command line and in JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
