package org.scalelab.engine.strategies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.scalelab.engine.config.ExplainedFailure;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.parallel.launch.RankJobException;
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
        return run(plan, listener, cancellation, (current, steps) -> setup.apply(steps));
    }

    /**
     * @param setup builds the strategy's epoch runner for a plan (the run's own, or the plan of a relaunch after
     *              ranks failed: fewer ranks, resuming from the checkpoint), given the guarded listener its steps
     *              report to
     */
    public static RunSummary run(RunPlan plan, RunListener listener, CancellationToken cancellation,
                          BiFunction<RunPlan, RunListener, EpochRunner> setup) {
        Capacity capacity = Capacity.of(Trainers.hostsOf(plan.config()));
        capacity.check(plan);
        RunListener guarded = RunListeners.fanOut(listener);
        guarded.onEvent(started(plan, capacity.oversubscribedBy(plan.config())));
        if (plan.resumption().resumes()) {
            guarded.onEvent(new RunResumed(plan.resumption().afterEpoch(), plan.config().schedule().epochs(),
                    plan.config().parallelism().processes(), 0, Instant.now().toString()));
        }
        List<EpochCompleted> epochs = new ArrayList<>(plan.resumption().earlier());
        RunStatus status = RunStatus.FINISHED;
        String message = null;
        Restarts restarts = new Restarts(plan, guarded);
        RunListener steps = restarts.watching(stoppingAtDivergence(guarded, plan));
        EpochRunner runner = null;
        try {
            RunPlan current = plan;
            runner = setup.apply(current, steps);
            int epoch = plan.firstEpoch();
            while (epoch <= plan.config().schedule().epochs()) {
                cancellation.throwIfCancelled();
                try {
                    EpochCompleted completed = runner.run(epoch);
                    epochs.add(completed);
                    guarded.onEvent(completed);
                    epoch++;
                } catch (RankJobException failure) {
                    if (cancellation.isCancelled() || !restarts.left()) {
                        throw failure;
                    }
                    closeQuietly(runner);
                    runner = null;
                    current = restarts.next(current, failure, epoch, epochs);
                    epochs.subList(current.resumption().afterEpoch(), epochs.size()).clear();
                    runner = setup.apply(current, steps);
                    epoch = current.firstEpoch();
                }
            }
            EpochRunner finishing = runner;
            runner = null;
            finishing.close();
        } catch (RuntimeException | Error e) {
            closeQuietly(runner);
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

    /** Stopping a run that already failed: the failure that ended it is the one to report. */
    private static void closeQuietly(EpochRunner runner) {
        if (runner == null) {
            return;
        }
        try {
            runner.close();
        } catch (RuntimeException e) {
            LOG.debug("Stopping the workers of a failed run", e);
        }
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
