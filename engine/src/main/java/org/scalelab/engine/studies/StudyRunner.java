package org.scalelab.engine.studies;

import java.util.Set;
import java.util.function.BooleanSupplier;
import org.scalelab.engine.provenance.OwnerProcess;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunStoreException;
import org.scalelab.engine.training.CancellationToken;

/**
 * Runs a study's cells one at a time, in the record's order, saving the study record after every change so that
 * it can be resumed from any point: a cell that finished is never run again; a cell cut off (by Ctrl-C, a crash or
 * a killed process) runs again from its start, and its cut-off run record is deleted so that no cell is counted
 * twice.
 */
public final class StudyRunner {
    /** The tag every cell's run record carries, followed by the study's id. */
    public static final String STUDY_TAG = "study:";

    private final StudyStore studies;
    private final RunStore runs;
    private final CellLauncher launcher;

    public StudyRunner(StudyStore studies, RunStore runs, CellLauncher launcher) {
        this.studies = studies;
        this.runs = runs;
        this.launcher = launcher;
    }

    /**
     * Runs every cell that has not finished.
     *
     * @param cancellation stops the current cell (ending as cancelled) and the study
     * @param pause        asked between cells: true stops the study before the next cell
     * @return the record as last saved: finished, or interrupted (resumable)
     */
    public StudyRecord run(StudyRecord study, StudyListener listener, CancellationToken cancellation,
                           BooleanSupplier pause) {
        StudyRecord current = studies.save(study.with(StudyStatus.RUNNING, OwnerProcess.current()));
        for (StudyRecord.Cell cell : study.cells()) {
            if (!cell.status().toRun(current.allowOversubscribe())) {
                continue;
            }
            if (cancellation.isCancelled() || pause.getAsBoolean()) {
                return studies.save(current.with(StudyStatus.INTERRUPTED, null));
            }
            current = runCell(current, cell, listener, cancellation);
            if (current.cells().get(cell.index()).status() == CellStatus.CANCELLED) {
                return studies.save(current.with(StudyStatus.INTERRUPTED, null));
            }
        }
        return studies.save(current.with(StudyStatus.FINISHED, null));
    }

    private StudyRecord runCell(StudyRecord study, StudyRecord.Cell cell, StudyListener listener,
                                CancellationToken cancellation) {
        forgetCutOffAttempt(cell);
        StudyRecord.Cell running = cell.with(CellStatus.RUNNING, null, null);
        StudyRecord[] current = {studies.save(study.withCell(running))};
        listener.cellStarted(current[0], running);
        CellLauncher.Outcome outcome = launcher.run(running, name(study, cell), tags(study, cell), event -> {
            if (event instanceof RunStarted started) {
                // Saved at once: if this process dies now, resuming knows which record to discard.
                current[0] = studies.save(current[0].withCell(running.with(CellStatus.RUNNING, started.runId(), null)));
            }
            listener.cellEvent(running, event);
        }, cancellation);
        StudyRecord.Cell ended = running.with(statusOf(outcome.status()), outcome.runId(), outcome.message());
        StudyRecord saved = studies.save(current[0].withCell(ended));
        listener.cellEnded(saved, ended);
        return saved;
    }

    /** A run left by an attempt that did not finish: its figures would stand beside the rerun's. */
    private void forgetCutOffAttempt(StudyRecord.Cell cell) {
        if (cell.runId() == null) {
            return;
        }
        try {
            runs.delete(cell.runId());
        } catch (RunStoreException e) {
            // already gone, or unreadable: either way it is not counted, since the study names the rerun's record
        }
    }

    private static CellStatus statusOf(RunStatus status) {
        return switch (status) {
            case FINISHED -> CellStatus.FINISHED;
            case CANCELLED -> CellStatus.CANCELLED;
            default -> CellStatus.FAILED;
        };
    }

    private static String name(StudyRecord study, StudyRecord.Cell cell) {
        return study.name() + " · " + cell.label() + (cell.repeat() > 0 ? " · repeat " + (cell.repeat() + 1) : "");
    }

    private static Set<String> tags(StudyRecord study, StudyRecord.Cell cell) {
        return Set.of(STUDY_TAG + study.studyId(), cell.label());
    }
}
