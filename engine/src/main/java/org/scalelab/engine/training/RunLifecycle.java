package org.scalelab.engine.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every strategy's run shares around its epochs: the first and last events, the epoch loop, and turning
 * cancellation and failures into a final status. Strategies supply only the per-epoch work, so they cannot
 * differ in how a run starts, ends or fails.
 */
final class RunLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);

    private RunLifecycle() {
    }

    /**
     * @param setup builds the strategy's epoch runner (networks, buffers, workers), given the guarded listener
     *              its steps report to; failures while setting up end the run as failed too
     */
    static RunSummary run(RunPlan plan, RunListener listener, CancellationToken cancellation,
                          Function<RunListener, EpochRunner> setup) {
        RunListener events = RunListeners.fanOut(listener);
        events.onEvent(started(plan));
        List<EpochCompleted> epochs = new ArrayList<>();
        RunStatus status = RunStatus.FINISHED;
        String message = null;
        try (EpochRunner runner = setup.apply(events)) {
            for (int epoch = 1; epoch <= plan.config().epochs(); epoch++) {
                cancellation.throwIfCancelled();
                EpochCompleted completed = runner.run(epoch);
                epochs.add(completed);
                events.onEvent(completed);
            }
        } catch (RunCancelledException e) {
            status = RunStatus.CANCELLED;
            message = "cancelled after " + epochs.size() + " of " + plan.config().epochs() + " epochs";
        } catch (RuntimeException | Error e) {
            LOG.error("Run {} failed", plan.runId(), e);
            status = RunStatus.FAILED;
            message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        RunSummary summary = RunSummary.of(plan.runId(), status, epochs);
        events.onEvent(status == RunStatus.FINISHED ? new RunFinished(summary) : new RunFailed(status, message, summary));
        return summary;
    }

    private static RunStarted started(RunPlan plan) {
        return new RunStarted(plan.runId(), Instant.now().toString(), plan.config(), plan.architecture(),
                plan.architecture().parameterCount(), plan.dataset().info(), plan.dataset().train().size(), plan.dataset().test().size(),
                plan.environment());
    }
}
