package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RecordingListener;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.StrategyEquivalence;

/** The strategies that run inside this JVM compute what the serial strategy computes, and fail and stop cleanly. */
class InProcessStrategiesTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    @ParameterizedTest
    @ValueSource(strings = {"mlp-235k", "tinycnn-8"})
    void threadsAndIntraOpReachTheSerialWeights(String model) throws IOException {
        float[] serial = runs.weights(twentySteps(model));
        assertSameWeights(serial, runs.weights(twentySteps(model).with(STRATEGY, Strategy.THREADS).with(THREADS, 2)),
                "threads 2");
        assertSameWeights(serial, runs.weights(twentySteps(model).with(STRATEGY, Strategy.INTRA_OP).with(THREADS, 2)),
                "intra-op 2");
    }

    @Test
    void threeWorkersSplittingBatchesUnevenlyReachTheSerialWeights() throws IOException {
        // 64 images per step do not split evenly in three, and 20 steps of 64 leave no full last batch either.
        float[] serial = runs.weights(twentySteps("mlp-235k"));
        assertSameWeights(serial, runs.weights(twentySteps("mlp-235k").with(STRATEGY, Strategy.THREADS).with(THREADS, 3)),
                "threads 3");
    }

    @Test
    void weakScalingWithTwoWorkersEqualsSerialWithTheDoubleBatch() throws IOException {
        float[] serial = runs.weights(twentySteps("mlp-235k").with(BATCH, 64));
        assertSameWeights(serial, runs.weights(twentySteps("mlp-235k").with(BATCH, 32).with(SCALING, Scaling.WEAK)
                .with(STRATEGY, Strategy.THREADS).with(THREADS, 2)), "threads 2, weak scaling, 32 each");
    }

    @Test
    void parameterAveragingEveryStepWithPlainSgdIsSynchronousSgd() throws IOException {
        TrainingConfig sgd = twentySteps("mlp-235k").with(OPTIMIZER, OptimizerKind.SGD);
        float[] serial = runs.weights(sgd);
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.PARAM_AVG).with(THREADS, 3).with(AVERAGE_EVERY, 1)),
                "param-avg 3, K = 1");
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.PARAM_AVG).with(THREADS, 2).with(AVERAGE_EVERY, 1)
                .with(VIA_MASTER, true)), "param-avg 2 via master, K = 1");
    }

    @Test
    void parameterAveragingLessOftenIsADifferentAlgorithm() throws IOException {
        TrainingConfig sgd = twentySteps("mlp-235k").with(OPTIMIZER, OptimizerKind.SGD);
        float[] serial = runs.weights(sgd);
        float[] everyFive = runs.weights(sgd.with(STRATEGY, Strategy.PARAM_AVG).with(THREADS, 2).with(AVERAGE_EVERY, 5));
        float worst = 0;
        for (int i = 0; i < serial.length; i++) {
            worst = Math.max(worst, Math.abs(serial[i] - everyFive[i]));
        }
        assertTrue(worst > 1e-4, "local steps should make the replicas drift apart before averaging, got " + worst);
    }

    @Test
    void everyWorkerReportsItsPhasesAndTheCollectivesAreTimed() throws IOException {
        RecordingListener listener = new RecordingListener();
        runs.weights(twentySteps("mlp-235k").with(STRATEGY, Strategy.THREADS).with(THREADS, 2), listener);
        EpochCompleted epoch = listener.events(EpochCompleted.class).get(0);
        assertEquals(List.of(0, 1), epoch.phases().stream().map(WorkerPhases::worker).toList());
        for (WorkerPhases worker : epoch.phases()) {
            assertTrue(worker.seconds().get(Phase.COMMUNICATION) > 0, "communication of worker " + worker.worker());
            assertTrue(worker.seconds().get(Phase.FORWARD) > 0, "forward of worker " + worker.worker());
            assertTrue(worker.seconds().get(Phase.IDLE) >= 0, "idle of worker " + worker.worker());
        }
        assertTrue(epoch.phases().get(0).seconds().get(Phase.EVALUATION) > 0, "worker 0 evaluates");
        assertEquals(0.0, epoch.phases().get(1).seconds().get(Phase.EVALUATION), "only worker 0 evaluates");
        assertEquals(20 * 64, epoch.images());
        List<StepCompleted> steps = listener.events(StepCompleted.class);
        assertEquals(20, steps.size(), "one step event per global step");
        assertTrue(steps.stream().allMatch(step -> step.images() == 64), "steps report the global batch");
    }

    @Test
    void aWorkerThatFailsEndsTheRunAsFailedWithItsReason() throws IOException {
        Path notAFolder = Files.writeString(runs.folder().resolve("occupied"), "a file, not a folder");
        TrainingConfig config = twentySteps("mlp-235k").with(STRATEGY, Strategy.THREADS).with(THREADS, 2);
        RecordingListener listener = new RecordingListener();
        RunSummary summary = Trainers.forConfig(config, runs.catalog()).train(
                RunPlan.prepare(config, runs.catalog()).savingWeightsTo(notAFolder.resolve("weights.bin")), listener,
                new CancellationToken());
        assertEquals(RunStatus.FAILED, summary.status());
        RunFailed failed = assertInstanceOf(RunFailed.class, listener.events().get(listener.events().size() - 1));
        assertTrue(failed.message().contains("cannot save the trained weights to " + notAFolder.resolve("weights.bin")),
                failed.message());
        assertNoWorkerThreadsLeft();
    }

    @Test
    void cancellingStopsEveryWorkerThread() {
        TrainingConfig config = twentySteps("mlp-235k").with(STEPS_PER_EPOCH, 0).with(EPOCHS, 3).with(STRATEGY, Strategy.THREADS).with(THREADS, 2);
        CancellationToken cancellation = new CancellationToken();
        RunSummary summary = Trainers.forConfig(config, runs.catalog()).train(RunPlan.prepare(config, runs.catalog()), event -> {
            if (event instanceof StepCompleted step && step.globalStep() == 30) {
                cancellation.cancel();
            }
        }, cancellation);
        assertEquals(RunStatus.CANCELLED, summary.status());
        assertEquals(0, summary.epochs());
        assertNoWorkerThreadsLeft();
    }

    private static void assertNoWorkerThreadsLeft() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("worker-")).toList();
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), alive, "worker threads still running 2 s after the run ended");
    }
}
