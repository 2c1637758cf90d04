package org.scalelab.engine.studies;

import java.util.Set;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.training.CancellationToken;

/** Runs one cell of a study as an ordinary run, saved as an ordinary run record. */
public interface CellLauncher {

    /**
     * Trains the cell to its end.
     *
     * @param name     what the run record calls the run
     * @param tags     the run record's tags from its start
     * @param listener every event of the run as it comes; the first, {@code RunStarted}, names the run
     * @return how it ended
     */
    Outcome run(StudyRecord.Cell cell, String name, Set<String> tags, RunListener listener, CancellationToken cancellation);

    /**
     * How a cell's run ended.
     *
     * @param runId   its run record; null when it never started
     * @param status  finished, failed or cancelled
     * @param message why it failed, for the table; null when it finished
     */
    record Outcome(String runId, RunStatus status, String message) {
    }
}
