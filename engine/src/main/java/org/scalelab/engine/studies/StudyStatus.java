package org.scalelab.engine.studies;

import java.util.Locale;

/** Where a whole study stands. */
public enum StudyStatus {
    /** A process is running its cells. */
    RUNNING,
    /** Stopped before its last cell (cancelled, paused, or its process was killed): resumable. */
    INTERRUPTED,
    /** Every cell ran (some may have failed or been skipped: the table says which). */
    FINISHED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
