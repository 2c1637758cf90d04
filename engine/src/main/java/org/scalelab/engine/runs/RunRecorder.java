package org.scalelab.engine.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.StepTimeline;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.provenance.OwnerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to one run and keeps its record saved, on a thread of its own so that the training thread only hands
 * each event over. Events are appended to the run's log as they come (steps in batches), and the log is forced
 * to disk and the summary replaced when the run starts, after every epoch and at the end: a crash loses at most
 * the current epoch's steps. The run's last event waits until everything is written, so that {@link #path} and
 * {@link #saveFailure} are final once the run has returned.
 *
 * <p>A save that fails (a full disk, a folder that became read-only) stops the run through the callback it was
 * given: training on with nothing kept would waste the time and then lose the result. The space the recorder
 * keeps back ({@link SpaceReserve}) is given up at that moment, so that the record can still say that the run
 * failed and why; it then holds every event up to the last one written whole.
 */
public final class RunRecorder implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private static final OwnerProcess OWNER = OwnerProcess.current();

    private final RunStore store;
    private final String name;
    private final Set<String> tags;
    private final Consumer<RuntimeException> stopRun;
    /** The record a resumed run goes on with, or null for a new run. */
    private final RunRecord earlier;
    /** Its event log, opened to append to; null for a new run. */
    private final EventLog earlierLog;
    private final BlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile Path path;
    private volatile RunStoreException saveFailure;

    /** @param stopRun stops the run, failed for the reason given, when its record can no longer be saved */
    public RunRecorder(RunStore store, Consumer<RuntimeException> stopRun) {
        this(store, null, Set.of(), stopRun);
    }

    /**
     * @param name    what listings call the run; null for its id
     * @param tags    its labels from the start (a study's cells are tagged with the study)
     * @param stopRun stops the run, failed for the reason given, when its record can no longer be saved
     */
    public RunRecorder(RunStore store, String name, Set<String> tags, Consumer<RuntimeException> stopRun) {
        this(store, name, tags, stopRun, null);
    }

    private RunRecorder(RunStore store, String name, Set<String> tags, Consumer<RuntimeException> stopRun,
                        RunRecord earlier) {
        this.store = store;
        this.name = name;
        this.tags = Set.copyOf(tags);
        this.stopRun = stopRun;
        this.earlier = earlier;
        this.earlierLog = earlier == null ? null : store.eventLogGoingOn(earlier);
    }

    /**
     * A recorder for a run resumed from its checkpoint ({@code train --resume}): it appends to the run's record,
     * whose name and tags it keeps, rather than starting a new one.
     *
     * @throws RunStoreException when the record's event log cannot be read, before anything runs
     */
    public static RunRecorder goingOn(RunStore store, RunRecord earlier, Consumer<RuntimeException> stopRun) {
        return new RunRecorder(store, earlier.name(), earlier.tags(), stopRun, earlier);
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
        RunSoFar run = earlier == null ? new RunSoFar() : RunSoFar.of(earlier.events());
        EventLog log = earlierLog != null ? earlierLog : store.newEventLog(runId);
        SpaceReserve reserve = store.reserveSpace(runId);
        boolean stopped = false;
        while (true) {
            RunEvent event = take();
            run.add(event);
            log.add(event);
            try {
                boolean milestone = !(event instanceof StepCompleted || event instanceof StepTimeline
                        || event instanceof UpdateStaleness);
                if (milestone || log.batchFull()) {
                    log.write();
                    if (milestone) {
                        path = store.saveSummary(summaryRecord(run));
                    }
                    saveFailure = null;
                }
            } catch (RunStoreException e) {
                saveFailure = e;
                // Not a warning: the run stops with this as its reason, and says so where it reports.
                LOG.debug("{}", e.getMessage());
                if (!stopped) {
                    stopped = true;
                    reserve.release();
                    stopRun.accept(e);
                }
            }
            if (isLast(event)) {
                reserve.release();
                return;
            }
        }
    }

    /** The summary file's content: a record whose events are in the log, not in it. */
    private RunRecord summaryRecord(RunSoFar run) {
        RunStarted started = run.started();
        RunSummary summary = run.summary();
        return new RunRecord(RunRecord.SCHEMA_VERSION, started.runId(), name != null ? name : started.runId(), tags,
                summary.status(), OWNER, started.config(), started.environment(), List.of(), summary);
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
