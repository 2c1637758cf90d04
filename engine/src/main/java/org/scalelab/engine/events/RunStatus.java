package org.scalelab.engine.events;

import java.util.Locale;

/** Where a run stands. Only {@link #RUNNING} is not final. */
public enum RunStatus {
    RUNNING,
    FINISHED,
    FAILED,
    CANCELLED,
    /**
     * Said of a record, never by a run: it was left running by a process that is gone (killed, the machine lost
     * power), so it holds what was saved before that and will never end by itself.
     */
    INTERRUPTED;

    /** Lower case: the spelling used in JSON and tables. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
