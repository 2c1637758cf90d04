package org.scalelab.engine.events;

import java.util.Locale;

/** Where a run stands. Only {@link #RUNNING} is not final. */
public enum RunStatus {
    RUNNING,
    FINISHED,
    FAILED,
    CANCELLED;

    /** Lower case: the spelling used in JSON and tables. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
