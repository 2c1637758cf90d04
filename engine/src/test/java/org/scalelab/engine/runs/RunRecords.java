package org.scalelab.engine.runs;

import java.util.List;
import java.util.Set;
import org.scalelab.engine.events.EventSamples;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.provenance.OwnerProcess;
import org.scalelab.engine.training.TrainingFixtures;

/** Sample records for the store's tests. */
final class RunRecords {
    private RunRecords() {
    }

    static RunRecord finished(String runId) {
        RunSummary summary = EventSamples.summary(runId, RunStatus.FINISHED);
        List<RunEvent> events = List.of(EventSamples.started(runId), EventSamples.step(), EventSamples.epoch(1),
                EventSamples.epoch(2), new RunFinished(summary));
        return new RunRecord(RunRecord.SCHEMA_VERSION, runId, runId, Set.of(), RunStatus.FINISHED, null,
                TrainingFixtures.config(), EventSamples.ENVIRONMENT, events, summary);
    }

    /** A record as a run writes it after its first epoch, by {@code owner}. */
    static RunRecord running(String runId, OwnerProcess owner) {
        RunSummary summary = RunSummary.of(runId, RunStatus.RUNNING, List.of(EventSamples.epoch(1)));
        List<RunEvent> events = List.of(EventSamples.started(runId), EventSamples.step(), EventSamples.epoch(1));
        return new RunRecord(RunRecord.SCHEMA_VERSION, runId, runId, Set.of(), RunStatus.RUNNING, owner,
                TrainingFixtures.config(), EventSamples.ENVIRONMENT, events, summary);
    }
}
