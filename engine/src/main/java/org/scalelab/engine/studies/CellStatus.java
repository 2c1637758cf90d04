package org.scalelab.engine.studies;

import java.util.Locale;

/** Where one cell of a study stands. */
public enum CellStatus {
    /** Not run yet. */
    PENDING,
    /** Being run now, or was when the study was interrupted (then resuming runs it again from its start). */
    RUNNING,
    FINISHED,
    /** Its run failed; resuming runs it again. */
    FAILED,
    /** Stopped by the user; resuming runs it again. */
    CANCELLED,
    /** Needs more cores than this machine has and was not allowed to oversubscribe. */
    SKIPPED;

    /** Whether a resumed study runs this cell: every cell that has not finished, and skipped ones if now allowed. */
    public boolean toRun(boolean allowOversubscribe) {
        return this != FINISHED && (this != SKIPPED || allowOversubscribe);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
