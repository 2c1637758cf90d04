package org.scalelab.engine.studies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.provenance.OwnerProcess;

/**
 * Everything kept about a study: its plan as read, the options it was started with, and every cell with its
 * state and run. Rewritten atomically after every change of a cell, so a crash leaves the last state whole.
 *
 * @param schemaVersion      {@link #SCHEMA_VERSION} when written by this version
 * @param studyId            unique, also the file's name
 * @param planFile           where the plan was read from
 * @param plan               the plan's JSON as it was when the study started (the file may change later)
 * @param quick              whether the plan's shortened form runs
 * @param allowOversubscribe whether cells needing more cores than this machine has run (marked as such)
 * @param substitution       what the plan's fallback replaced on this machine, said on every page; null for none
 * @param createdAt          when it started, ISO-8601 (sorts as text)
 * @param status             whether it runs, was interrupted or finished
 * @param owner              the process running it while {@link StudyStatus#RUNNING}: a record left running by a
 *                           process that is gone was interrupted
 * @param cells              in the order they run
 */
public record StudyRecord(
        int schemaVersion,
        String studyId,
        String name,
        String planFile,
        JsonNode plan,
        boolean quick,
        boolean allowOversubscribe,
        String substitution,
        String createdAt,
        StudyStatus status,
        OwnerProcess owner,
        List<Cell> cells) {

    public static final int SCHEMA_VERSION = 1;

    public StudyRecord {
        cells = List.copyOf(cells);
    }

    /**
     * One cell and where it stands.
     *
     * @param runId   the run record of its latest attempt; null before it starts
     * @param message why it failed or was skipped, for the table
     */
    public record Cell(int index, String label, int repeat, boolean baseline, boolean oversubscribed,
                       TrainingConfig config, CellStatus status, String runId, String message) {

        public Cell with(CellStatus newStatus, String newRunId, String newMessage) {
            return new Cell(index, label, repeat, baseline, oversubscribed, config, newStatus, newRunId, newMessage);
        }

        static Cell of(StudyCell cell, boolean allowOversubscribe) {
            boolean skip = cell.oversubscribed() && !allowOversubscribe;
            Cell planned = new Cell(cell.index(), cell.label(), cell.repeat(), cell.baseline(), cell.oversubscribed(),
                    cell.config(), skip ? CellStatus.SKIPPED : CellStatus.PENDING, null,
                    skip ? "needs " + cell.config().parallelism().busyThreads() + " cores; run with --allow-oversubscribe"
                            : null);
            return allowOversubscribe ? planned.allowedToOversubscribe() : planned;
        }

        /** An oversubscribed cell's run told that the study allows it, so train does not refuse it. */
        Cell allowedToOversubscribe() {
            return !oversubscribed ? this : new Cell(index, label, repeat, baseline, true,
                    config.with(TrainingOptions.ALLOW_OVERSUBSCRIBE, true), status, runId, message);
        }
    }

    /** The status as listings should show it: a running study whose process is gone was interrupted. */
    public StudyStatus effectiveStatus() {
        return status == StudyStatus.RUNNING && (owner == null || owner.isGone()) ? StudyStatus.INTERRUPTED : status;
    }

    public StudyRecord withCell(Cell cell) {
        List<Cell> updated = new ArrayList<>(cells);
        updated.set(cell.index(), cell);
        return new StudyRecord(schemaVersion, studyId, name, planFile, plan, quick, allowOversubscribe, substitution,
                createdAt, status, owner, updated);
    }

    public StudyRecord with(StudyStatus newStatus, OwnerProcess newOwner) {
        return new StudyRecord(schemaVersion, studyId, name, planFile, plan, quick, allowOversubscribe, substitution,
                createdAt, newStatus, newOwner, cells);
    }

    /** Resumed with another choice about oversubscribed cells: cells skipped before may now run. */
    public StudyRecord allowingOversubscription(boolean allow) {
        List<Cell> updated = cells.stream().map(cell -> cell.status() == CellStatus.SKIPPED && allow
                ? cell.allowedToOversubscribe().with(CellStatus.PENDING, cell.runId(), null) : cell).toList();
        return new StudyRecord(schemaVersion, studyId, name, planFile, plan, quick, allow || allowOversubscribe,
                substitution, createdAt, status, owner, updated);
    }

    public Optional<Cell> cell(int index) {
        return index >= 0 && index < cells.size() ? Optional.of(cells.get(index)) : Optional.empty();
    }

    /** Cells that need no more running: finished, or skipped for want of cores. */
    public long cellsDone() {
        return cells.stream().filter(c -> c.status() == CellStatus.FINISHED || c.status() == CellStatus.SKIPPED).count();
    }
}
