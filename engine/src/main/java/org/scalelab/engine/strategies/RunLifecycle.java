package org.scalelab.engine.strategies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.scalelab.engine.config.ExplainedFailure;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.provenance.ErrorLog;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunCancelledException;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every strategy's run shares around its epochs: the first and last events, the epoch loop, and turning
 * cancellation and failures into a final status. Strategies supply only the per-epoch work, so they cannot
 * differ in how a run starts, ends or fails.
 */
public final class RunLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);

    private RunLifecycle() {
    }

    /**
     * @param setup builds the strategy's epoch runner (networks, buffers, workers), given the guarded listener
     *              its steps report to; failures while setting up end the run as failed too
     * @throws org.scalelab.engine.config.ConfigException before anything starts (no event, no record) when the
     *              run asks for more than the machines can hold ({@link Capacity})
     */
    public static RunSummary run(RunPlan plan, RunListener listener, CancellationToken cancellation,
                          Function<RunListener, EpochRunner> setup) {
        Capacity capacity = Capacity.of(Trainers.hostsOf(plan.config()));
        capacity.check(plan);
        RunListener guarded = RunListeners.fanOut(listener);
        guarded.onEvent(started(plan, capacity.oversubscribedBy(plan.config())));
        List<EpochCompleted> epochs = new ArrayList<>();
        RunStatus status = RunStatus.FINISHED;
        String message = null;
        try (EpochRunner runner = setup.apply(stoppingAtDivergence(guarded, plan))) {
            for (int epoch = 1; epoch <= plan.config().schedule().epochs(); epoch++) {
                cancellation.throwIfCancelled();
                EpochCompleted completed = runner.run(epoch);
                epochs.add(completed);
                guarded.onEvent(completed);
            }
        } catch (RuntimeException | Error e) {
            // A failure while the run was being cancelled is part of the cancelling: Ctrl-C reaches the ranks of
            // the terminal's process group too, and one may die of it before this process has stopped it.
            // An abort is a failure with a reason of its own, whatever the threads it stopped threw on the way.
            Throwable failure = cancellation.abortReason().<Throwable>map(reason -> reason).orElse(e);
            boolean cancelled = failure instanceof RunCancelledException
                    || cancellation.isCancelled() && cancellation.abortReason().isEmpty();
            status = cancelled ? RunStatus.CANCELLED : RunStatus.FAILED;
            message = cancelled ? "cancelled after " + epochs.size() + " of " + plan.config().schedule().epochs()
                    + " epochs" : describe(plan, failure);
        }
        RunSummary summary = RunSummary.of(plan.runId(), status, epochs);
        guarded.onEvent(status == RunStatus.FINISHED ? new RunFinished(summary) : new RunFailed(status, message, summary));
        return summary;
    }

    /**
     * The strategies' step events, passed on only while the loss is a number: the first NaN or infinite loss
     * ends the run (thrown on the thread that reported it, which fails the epoch) before it reaches a record or
     * a chart.
     */
    private static RunListener stoppingAtDivergence(RunListener events, RunPlan plan) {
        return event -> {
            if (event instanceof StepCompleted step) {
                TrainingDivergedException.check(step, plan.config().schedule().learningRate());
            }
            events.onEvent(event);
        };
    }

    /**
     * The failure as the user reads it. An explained failure (a rank that died, a damaged dataset, a setting
     * that cannot work) already says what went wrong and what to do, so it is reported as it is; anything else
     * is a fault of ScaleLab's, named by its type, its stack trace kept in a file for a bug report.
     */
    private static String describe(RunPlan plan, Throwable failure) {
        LOG.debug("Run {} failed", plan.runId(), failure);
        return explained(failure) ? failure.getMessage() : ErrorLog.describe("run " + plan.runId(), failure);
    }

    private static boolean explained(Throwable failure) {
        return failure.getMessage() != null && failure instanceof ExplainedFailure;
    }

    private static RunStarted started(RunPlan plan, boolean oversubscribed) {
        return new RunStarted(plan.runId(), Instant.now().toString(), plan.config(), plan.architecture(),
                plan.architecture().parameterCount(), plan.dataset().info(), plan.dataset().train().size(), plan.dataset().test().size(),
                plan.environment(), plan.provenance(), oversubscribed);
    }
}
