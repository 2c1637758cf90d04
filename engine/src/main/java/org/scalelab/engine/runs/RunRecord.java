package org.scalelab.engine.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.provenance.OwnerProcess;

/**
 * Everything kept about one run: what it was asked to do, where it ran, every event it emitted, and its
 * summary. Saved while the run goes, as an event log and a summary file ({@link RunStore}), so a crash or a
 * cancel keeps what was done.
 *
 * @param schemaVersion of the files it was read from; {@link #SCHEMA_VERSION} when written by this version
 * @param name          what the user calls the run; the run id until renamed
 * @param tags          free labels for grouping runs, sorted
 * @param status        {@link RunStatus#INTERRUPTED} when read back from a record left running by a process
 *                      that is gone
 * @param owner         the process that wrote the record; null in records written before it was kept
 * @param summary       of the epochs completed so far
 */
public record RunRecord(
        int schemaVersion,
        String runId,
        String name,
        Set<String> tags,
        RunStatus status,
        OwnerProcess owner,
        TrainingConfig config,
        EnvironmentInfo environment,
        List<RunEvent> events,
        RunSummary summary) {

    /**
     * Raise when a field changes meaning or becomes required; readers reject records newer than they know.
     * 1: one file holding the events too; 2: the events in a log beside the summary.
     */
    public static final int SCHEMA_VERSION = 2;

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
        events = events == null ? List.of() : List.copyOf(events);
    }

    public RunRecord withName(String newName) {
        return new RunRecord(schemaVersion, runId, newName, tags, status, owner, config, environment, events, summary);
    }

    /** The record as it stands: one left running by a process that is gone was interrupted. */
    RunRecord withOwnerChecked() {
        if (status != RunStatus.RUNNING || owner != null && !owner.isGone()) {
            return this;
        }
        RunSummary interrupted = new RunSummary(runId, RunStatus.INTERRUPTED, summary.epochs(), summary.trainSeconds(),
                summary.imagesPerSecond(), summary.testAccuracy(), summary.testLoss());
        return new RunRecord(schemaVersion, runId, name, tags, RunStatus.INTERRUPTED, owner, config, environment, events,
                interrupted);
    }

    /** When the run started, from its first event; null when the record lost it. */
    public Instant startedAt() {
        return events.stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast).findFirst()
                .map(started -> Instant.parse(started.startedAt())).orElse(null);
    }

    /** The epochs the run completed, in order; after a resumption, those trained again count once. */
    public List<EpochCompleted> completedEpochs() {
        return RunSoFar.of(events).epochs();
    }

    public RunRecord withTags(Set<String> newTags) {
        return new RunRecord(schemaVersion, runId, name, newTags, status, owner, config, environment, events, summary);
    }
}
