package org.scalelab.engine.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to one run and keeps its record saved, on a thread of its own so that the training thread only hands
 * each event over. Events are appended to the run's log as they come (steps in batches), and the log is forced
 * to disk and the summary replaced when the run starts, after every epoch and at the end: a crash loses at most
 * the current epoch's steps. The run's last event waits until everything is written, so that {@link #path} and
 * {@link #saveFailure} are final once the run has returned. A failed save is logged and remembered, never
 * thrown: losing the record must not stop the training.
 */
public final class RunRecorder implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunStore store;
    private final String name;
    private final Set<String> tags;
    private final BlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile Path path;
    private volatile RunStoreException saveFailure;

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
        if (event instanceof RunStarted started) {
            writer = new Thread(() -> write(started.runId()), "run-recorder-" + started.runId());
            // Never holds the JVM open: the run's last event waits for it anyway.
            writer.setDaemon(true);
            writer.start();
        }
        if (writer == null) {
            return;
        }
        queue.add(event);
        if (isLast(event)) {
            awaitWriter();
        }
    }

    /** Where the record's summary was last saved, once it has been. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** Why the latest save failed, if it did (a later successful save clears it). */
    public Optional<RunStoreException> saveFailure() {
        return Optional.ofNullable(saveFailure);
    }

    /** The writer thread: takes the events in order until the last one is saved. */
    private void write(String runId) {
        RunSoFar run = new RunSoFar();
        EventLog log = store.newEventLog(runId);
        while (true) {
            RunEvent event = take();
            run.add(event);
            log.add(event);
            try {
                if (!(event instanceof StepCompleted) || log.batchFull()) {
                    log.write();
                    if (!(event instanceof StepCompleted)) {
                        path = store.saveSummary(summaryRecord(run));
                    }
                    saveFailure = null;
                }
            } catch (RunStoreException e) {
                saveFailure = e;
                LOG.warn("{}", e.getMessage());
            }
            if (isLast(event)) {
                return;
            }
        }
    }

    /** The summary file's content: a record whose events are in the log, not in it. */
    private RunRecord summaryRecord(RunSoFar run) {
        RunStarted started = run.started();
        RunSummary summary = run.summary();
        return new RunRecord(RunRecord.SCHEMA_VERSION, started.runId(), name != null ? name : started.runId(), tags,
                summary.status(), started.config(), started.environment(), List.of(), summary);
    }

    private RunEvent take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Nothing here interrupts this thread; stopping would lose the record, so it keeps waiting.
            }
        }
    }

    private void awaitWriter() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            // The caller is being stopped: the record goes on being written, but path() may not show it yet.
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isLast(RunEvent event) {
        return event instanceof RunFinished || event instanceof RunFailed;
    }
}
