package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.PhaseSlice;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.StepTimeline;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RecordingListener;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.StrategyEquivalence;

/** {@code --overlap} with worker threads: the same weights as the allreduce after the backward pass, and its phases. */
class OverlapTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    private static TrainingConfig threads(String model) {
        return twentySteps(model).with(STRATEGY, Strategy.THREADS).with(THREADS, 2);
    }

    /** 1 kB: nearly every layer with parameters a bucket of its own; 64 kB: mlp-235k in two buckets, tinycnn-8 in one. */
    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void overlappedBucketsReachTheWeightsOfOneAllreduceAfterTheBackwardPass(int bucketKb) throws IOException {
        for (String model : List.of("mlp-235k", "tinycnn-8")) {
            float[] after = runs.weights(threads(model));
            float[] overlapped = runs.weights(threads(model).with(OVERLAP, true).with(BUCKET_KB, bucketKb));
            assertSameWeights(after, overlapped, model + ", threads 2, overlap in " + bucketKb + " kB buckets");
        }
    }

    @Test
    void withoutOverlapEveryCommunicationIsWaitedFor() throws IOException {
        RecordingListener listener = new RecordingListener();
        runs.weights(threads("mlp-235k"), listener);
        for (WorkerPhases worker : listener.events(EpochCompleted.class).get(0).phases()) {
            assertEquals(0, worker.seconds().get(Phase.HIDDEN_COMMUNICATION));
            assertTrue(worker.seconds().get(Phase.COMMUNICATION) > 0);
        }
        assertTrue(listener.events(StepTimeline.class).stream().allMatch(step -> step.communicationThread().isEmpty()),
                "no communication thread");
    }

    @Test
    void withOverlapTheHiddenCommunicationIsWhatTheCommunicationThreadDidDuringTheBackwardPass() throws IOException {
        RecordingListener listener = new RecordingListener();
        runs.weights(threads("mlp-235k").with(OVERLAP, true).with(BUCKET_KB, 1), listener);
        EpochCompleted epoch = listener.events(EpochCompleted.class).get(0);
        for (WorkerPhases worker : epoch.phases()) {
            // every step of a run this short is on the timeline, each with its three buckets (1 kB: one per dense layer)
            List<StepTimeline> steps = listener.events(StepTimeline.class).stream()
                    .filter(t -> t.thread() == worker.worker() && t.step() > 0).toList();
            assertEquals(20, steps.size());
            for (StepTimeline step : steps) {
                assertEquals(3, step.communicationThread().stream().map(PhaseSlice::collective).filter(name -> name != null)
                        .distinct().count(), "step " + step.step());
            }
            List<PhaseSlice> thread = steps.stream().flatMap(t -> t.communicationThread().stream()).toList();
            long hiddenMicros = thread.stream().filter(slice -> slice.phase() == Phase.HIDDEN_COMMUNICATION)
                    .mapToLong(PhaseSlice::micros).sum();
            assertEquals(hiddenMicros / 1e6, worker.seconds().get(Phase.HIDDEN_COMMUNICATION), 20 * 3 * 2e-6);
            if (worker.worker() == 0) {
                // the epoch's seconds are worker 0's (the other may have started later)
                assertEquals(epoch.epochSeconds(), worker.total(), 0.01 * epoch.epochSeconds(),
                        "the phases but the hidden one add up to the epoch");
            }
        }
    }

    /** A cancelled run's communication threads are released from their collectives and go away once idle. */
    @Test
    void cancellingAnOverlappedRunLeavesNoCommunicationThreadBehind() throws InterruptedException {
        TrainingConfig config = threads("mlp-235k").with(STEPS_PER_EPOCH, 0).with(EPOCHS, 3).with(OVERLAP, true)
                .with(BUCKET_KB, 1);
        CancellationToken cancellation = new CancellationToken();
        RunSummary summary = Trainers.forConfig(config, runs.catalog()).train(RunPlan.prepare(config, runs.catalog()), event -> {
            if (event instanceof StepCompleted step && step.globalStep() == 30) {
                cancellation.cancel();
            }
        }, cancellation);
        assertEquals(RunStatus.CANCELLED, summary.status());
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> alive;
        do {
            Thread.sleep(100);
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("communication-")).toList();
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), alive, "communication threads still there 5 s after the run was cancelled");
    }

    @Test
    void strategiesWithoutAnAllreduceOfGradientsAndCompressionRefuseOverlapInOneLine() {
        for (Strategy strategy : List.of(Strategy.SERIAL, Strategy.INTRA_OP, Strategy.PARAM_AVG)) {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> twentySteps("mlp-235k").with(STRATEGY, strategy).with(OVERLAP, true).validate());
            assertEquals("overlap true: applies only to strategies that allreduce gradients (threads, mpj, "
                    + "mpj-multicore, hybrid), not " + strategy, refused.getMessage());
        }
        ConfigException compressed = assertThrows(ConfigException.class,
                () -> threads("mlp-235k").with(OVERLAP, true).with(COMPRESS, GradientCompression.parse("fp16")).validate());
        assertEquals("overlap true: overlaps the float32 allreduce; compressed gradients (--compress fp16) are gathered "
                + "whole after the backward pass", compressed.getMessage());
    }
}
