package org.scalelab.engine.strategies;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.training.Checkpoint;
import org.scalelab.engine.training.Resumption;
import org.scalelab.engine.training.RunPlan;

/**
 * What a run with {@code --restart-on-failure K} does when its ranks fail (one died, hung or fell silent, as the
 * launcher and {@link RankWatch} tell): up to K times it relaunches them from the last checkpoint, or from the
 * start when there is none, as torchrun does. With {@code --min-procs M} a relaunch leaves the failed rank's
 * place out, as if its machine were lost, down to M ranks. A relaunch runs without the injected fault: it
 * happens once. The run's events say what failed and from where it went on.
 */
final class Restarts {
    private final int allowed;
    private final RunListener events;
    private int used;
    private volatile long lastStep;

    Restarts(RunPlan plan, RunListener events) {
        this.allowed = plan.config().recovery().restartOnFailure();
        this.events = events;
    }

    boolean left() {
        return used < allowed;
    }

    /** Passes the steps on, remembering the last one, which the failure's event names. */
    RunListener watching(RunListener steps) {
        return event -> {
            if (event instanceof StepCompleted step) {
                lastStep = step.globalStep();
            }
            steps.onEvent(event);
        };
    }

    /**
     * Reports the failure and plans the relaunch.
     *
     * @param earlier the epochs completed so far; those after the checkpoint are trained again
     * @return the plan of the relaunch: resuming from the checkpoint, with its ranks and without the fault
     */
    RunPlan next(RunPlan current, RankJobException failure, int epoch, List<EpochCompleted> earlier) {
        used++;
        events.onEvent(new RanksFailed(failure.getMessage(), epoch, lastStep, Instant.now().toString()));
        int afterEpoch = current.checkpointFile() != null && Files.exists(current.checkpointFile())
                ? Math.min(Checkpoint.read(current.checkpointFile()).epoch(), earlier.size()) : 0;
        TrainingConfig config = current.config();
        int processes = config.parallelism().processes();
        int minimum = config.recovery().minProcs();
        int relaunched = minimum > 0 ? Math.max(minimum, processes - 1) : processes;
        TrainingConfig next = OptionValues.of(config).set(TrainingOptions.PROCS, relaunched)
                .reset(TrainingOptions.INJECT_FAULT).build();
        RunPlan plan = current.resuming(current.runId(), next, new Resumption(afterEpoch, earlier.subList(0, afterEpoch)));
        events.onEvent(new RunResumed(afterEpoch, config.schedule().epochs(), relaunched, used, Instant.now().toString()));
        return plan;
    }
}
