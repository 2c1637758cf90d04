package org.scalelab.app.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.strategies.Trainers;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;

/**
 * Starts and stops training runs off the UI thread. One run at a time: the machine's cores are the thing
 * being measured, and two runs would spoil each other's timings.
 */
public final class RunLauncher {
    private final DatasetCatalog catalog;
    private final Threads threads;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private CancellationToken cancellation = new CancellationToken();
    /** Counted down by the background thread when its run is over and its record saved. */
    private volatile CountDownLatch finished = new CountDownLatch(0);

    public RunLauncher(DatasetCatalog catalog, Threads threads) {
        this.catalog = catalog;
        this.threads = threads;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Prepares the run (loads the dataset, builds the model) and trains it in the background.
     *
     * @param checkpointOf      where a run of this id keeps its checkpoint (beside its record)
     * @param listeners         get every event on the training thread
     * @param failedBeforeStart told on the UI thread, in the engine's words, when the run cannot even start
     * @param ended             told on the UI thread when the run is over, however it ended
     */
    public void start(TrainingConfig config, Function<String, Path> checkpointOf, List<RunListener> listeners,
                      Consumer<String> failedBeforeStart, Runnable ended) {
        if (running.get()) {
            throw new IllegalStateException("a run is already going");
        }
        running.set(true);
        CancellationToken token = new CancellationToken();
        cancellation = token;
        CountDownLatch done = new CountDownLatch(1);
        finished = done;
        threads.background().execute(() -> {
            String problem = null;
            try {
                RunPlan prepared = RunPlan.prepare(config, catalog);
                RunPlan plan = prepared.checkpointingTo(checkpointOf.apply(prepared.runId()));
                Trainers.forConfig(config, catalog).train(plan, RunListeners.fanOut(listeners), token);
            } catch (RuntimeException e) {
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String reason = problem;
            done.countDown();
            threads.ui().execute(() -> {
                running.set(false);
                if (reason != null) {
                    failedBeforeStart.accept(reason);
                }
                ended.run();
            });
        });
    }

    /** Asks the current run to stop after its current step; it ends as cancelled and is kept. */
    public void stop() {
        cancellation.cancel();
    }

    /** Stops the current run because it cannot go on; it ends as failed, for that reason. */
    public void abort(RuntimeException reason) {
        cancellation.abort(reason);
    }

    /**
     * Stops the current run and waits, on the calling thread, until it has ended and its record is saved as
     * cancelled: what closing the window does, so that no record is left "running".
     *
     * @return false when the run had not ended after {@code timeout}
     */
    public boolean stopAndWait(Duration timeout) throws InterruptedException {
        stop();
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
