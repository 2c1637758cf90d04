package org.scalelab.app.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.runs.RunRecord;

/** The events of a made-up run of any length, for view-model tests that must not train for real. */
public final class SyntheticRun {
    /** How the launcher says that a rank was killed. */
    public static final String KILLED_RANK = "rank 1 (pid 4242) exited with status 137 (killed by SIGKILL)";

    private SyntheticRun() {
    }

    /** The loss the synthetic run reports at a global step: falling, as training does. */
    public static double loss(long globalStep) {
        return 1 / Math.sqrt(globalStep);
    }

    /**
     * A whole run: started, {@code epochs} × {@code steps} steps of 10 ms, an epoch event after each epoch with
     * {@code workers} workers' phases, then finished.
     */
    public static List<RunEvent> events(TrainingConfig config, int epochs, int steps, int workers) {
        return events(config, Instant.now(), epochs, steps, workers, 0.01);
    }

    /**
     * A finished run's record, saved as the run store would: {@code config.globalBatchSize() / stepSeconds} images
     * per second in every epoch, two epochs of ten steps, on a machine it does not describe.
     */
    public static RunRecord record(String name, TrainingConfig config, Instant startedAt, double stepSeconds) {
        return finished(name, config, events(config, startedAt, 2, 10, config.workers(), stepSeconds));
    }

    /**
     * The record of a run whose rank 1 was killed half way through epoch 2 and that went on from the checkpoint
     * of epoch 1 ({@code --restart-on-failure}): two epochs of ten steps, as {@link #record} saves them, with the
     * failed attempt's five steps, the failure and the restart between the epochs.
     */
    public static RunRecord restarted(String name, TrainingConfig config, Instant startedAt) {
        List<RunEvent> events = new ArrayList<>(events(config, startedAt, 2, 10, config.workers(), 0.01));
        int secondEpoch = events.indexOf(events.stream().filter(EpochCompleted.class::isInstance).findFirst()
                .orElseThrow()) + 1;
        List<RunEvent> failedAttempt = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            failedAttempt.add(new StepCompleted(2, step, 10 + step, loss(10 + step), 0.9, config.globalBatchSize(),
                    (10 + step) * 0.01));
        }
        failedAttempt.add(new RanksFailed(KILLED_RANK, 2, 15, startedAt.toString()));
        failedAttempt.add(new RunResumed(1, 2, config.parallelism().processes(), 1, startedAt.toString()));
        events.addAll(secondEpoch, failedAttempt);
        return finished(name, config, events);
    }

    /** The record of a run that ended with the last of {@code events}, saved as the run store would. */
    private static RunRecord finished(String name, TrainingConfig config, List<RunEvent> events) {
        RunFinished finished = (RunFinished) events.get(events.size() - 1);
        return new RunRecord(RunRecord.SCHEMA_VERSION, name, name, Set.of(), RunStatus.FINISHED, null, config, null, events,
                finished.summary());
    }

    private static List<RunEvent> events(TrainingConfig config, Instant startedAt, int epochs, int steps, int workers,
                                         double stepSeconds) {
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunStarted("synthetic", startedAt.toString(), config, null, 0, null,
                steps * config.globalBatchSize(), 1000, null, null, false));
        List<EpochCompleted> completed = new ArrayList<>();
        long globalStep = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int step = 1; step <= steps; step++) {
                globalStep++;
                events.add(new StepCompleted(epoch, step, globalStep, loss(globalStep), 0.9, config.globalBatchSize(),
                        globalStep * stepSeconds));
            }
            EpochCompleted done = epoch(epoch, (long) steps * config.globalBatchSize(), steps * stepSeconds, workers);
            completed.add(done);
            events.add(done);
        }
        events.add(new RunFinished(RunSummary.of("synthetic", RunStatus.FINISHED, completed)));
        return events;
    }

    private static EpochCompleted epoch(int epoch, long images, double trainSeconds, int workers) {
        List<WorkerPhases> phases = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            Map<Phase, Double> seconds = new EnumMap<>(Phase.class);
            seconds.put(Phase.FORWARD, trainSeconds * 0.4);
            seconds.put(Phase.BACKWARD, trainSeconds * 0.5);
            seconds.put(Phase.UPDATE, trainSeconds * 0.1);
            phases.add(new WorkerPhases(worker, seconds));
        }
        return new EpochCompleted(epoch, 0.01, 0.5, 0.8, 0.4, 0.85, images, trainSeconds, trainSeconds + 0.1, 0.5,
                phases);
    }
}
