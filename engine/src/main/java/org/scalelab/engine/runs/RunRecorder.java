package org.scalelab.engine.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to a run and keeps its record saved: when it starts, after every epoch (status running), and at the
 * end with the final status. A crash loses at most the current epoch. A failed save is logged and remembered,
 * never thrown: losing the record must not stop the training.
 */
public final class RunRecorder implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunStore store;
    private final String name;
    private final Set<String> tags;
    private final List<RunEvent> events = new ArrayList<>();
    private final List<EpochCompleted> epochs = new ArrayList<>();
    private RunStarted started;
    private Path path;
    private RunStoreException saveFailure;

    public RunRecorder(RunStore store) {
        this(store, null, Set.of());
    }

    /**
     * @param name what listings call the run; null for its id
     * @param tags its labels from the start (a study's cells are tagged with the study)
     */
    public RunRecorder(RunStore store, String name, Set<String> tags) {
        this.store = store;
        this.name = name;
        this.tags = Set.copyOf(tags);
    }

    @Override
    public void onEvent(RunEvent event) {
        events.add(event);
        if (event instanceof RunStarted s) {
            started = s;
            save(RunSummary.of(s.runId(), RunStatus.RUNNING, epochs));
        } else if (event instanceof EpochCompleted e) {
            epochs.add(e);
            save(RunSummary.of(started.runId(), RunStatus.RUNNING, epochs));
        } else if (event instanceof RunFinished f) {
            save(f.summary());
        } else if (event instanceof RunFailed f) {
            save(f.summary());
        }
        // Step events are kept with the next save: writing the file per step would cost more than the step.
    }

    /** Where the record was last saved, once it has been. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** Why the latest save failed, if it did (a later successful save clears it). */
    public Optional<RunStoreException> saveFailure() {
        return Optional.ofNullable(saveFailure);
    }

    private void save(RunSummary summary) {
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, started.runId(),
                name != null ? name : started.runId(), tags,
                summary.status(), started.config(), started.environment(), events, summary);
        try {
            path = store.save(record);
            saveFailure = null;
        } catch (RunStoreException e) {
            saveFailure = e;
            LOG.warn("{}", e.getMessage());
        }
    }
}
