package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scalelab.engine.cli.CommandRun;
import org.scalelab.engine.config.FaultInjection;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.StalenessHistogram;
import org.scalelab.engine.training.RecordingListener;
import org.scalelab.engine.training.StrategyEquivalence;

/**
 * {@code --strategy async} with real MPJ ranks: rank 0 serves the weights, the other ranks push gradients to it.
 * One worker is serial SGD exactly; several respect {@code --max-staleness} for every update the server applies.
 */
class AsyncMpjTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    private static TrainingConfig async(TrainingConfig config, int procs) {
        return config.with(STRATEGY, Strategy.ASYNC).with(PROCS, procs);
    }

    private static List<Integer> staleness(RecordingListener listener) {
        return listener.events(UpdateStaleness.class).stream().flatMap(served -> served.staleness().stream()).toList();
    }

    @Test
    void oneWorkerComputesEveryGradientOnTheServersWeightsAndEndsOnTheSerialWeights() throws IOException {
        TrainingConfig serial = twentySteps("mlp-235k");
        RecordingListener listener = new RecordingListener();
        float[] weights = runs.weights(async(serial, 2), listener);
        assertSameWeights(runs.weights(serial), weights, "async, 2 ranks (one worker)");
        assertEquals(20, staleness(listener).size(), "one update per step");
        assertTrue(staleness(listener).stream().allMatch(s -> s == 0), staleness(listener).toString());
        assertEquals(20, listener.events(StepCompleted.class).size(), "the worker reports every step");

        EpochCompleted epoch = listener.events(EpochCompleted.class).get(0);
        assertEquals(List.of(0, 1), epoch.phases().stream().map(WorkerPhases::worker).toList());
        WorkerPhases server = epoch.phases().get(0);
        WorkerPhases worker = epoch.phases().get(1);
        assertTrue(server.seconds().get(Phase.IDLE) > 0, "the server waits for pushes");
        assertTrue(server.seconds().get(Phase.UPDATE) > 0, "the server applies them");
        assertEquals(0.0, server.seconds().get(Phase.BACKWARD), "the server computes no gradient");
        assertTrue(worker.seconds().get(Phase.COMMUNICATION) > 0, "the worker waits for the server's weights");
        assertTrue(worker.seconds().get(Phase.BACKWARD) > 0);
    }

    /**
     * A worker three times slower than the other computes on weights the fast one has since updated several times:
     * with a bound of 1 the server refuses those gradients, and applies none staler than the bound.
     */
    @Test
    void everyAppliedUpdateRespectsTheBoundAndTheRefusedOnesAreCountedInTheRecord() throws Exception {
        TrainingConfig bounded = async(twentySteps("mlp-235k"), 3).with(MAX_STALENESS, 1)
                .with(INJECT_FAULT, FaultInjection.parse("rank=2,step=1,kind=slow:3"));
        RecordingListener listener = new RecordingListener();
        RunStore store = new RunStore(runs.folder().resolve("records"));
        runs.weights(bounded, RunListeners.fanOut(listener, new RunRecorder(store, failure -> { })));

        List<Integer> applied = staleness(listener);
        assertEquals(2 * 20, applied.size(), "each of the 2 workers' 20 parts applied once");
        assertTrue(applied.stream().allMatch(s -> s >= 0 && s <= 1), applied.toString());
        int refused = listener.events(UpdateStaleness.class).stream().mapToInt(UpdateStaleness::refused).sum();
        assertTrue(refused > 0, "the slow worker's stale gradients are refused");

        String runId = listener.events(RunStarted.class).get(0).runId();
        RunRecord record = store.load(runId);
        StalenessHistogram histogram = StalenessHistogram.of(record).orElseThrow();
        assertEquals(40, histogram.updates());
        assertEquals(refused, histogram.refused());
        assertTrue(histogram.counts().length <= 2, "no staleness beyond the bound in the record");

        CommandRun show = CommandRun.of("runs", "show", runId, "--runs-dir", store.directory().toString());
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Staleness: 40 updates, mean staleness "), show.out());
        assertTrue(show.out().contains(refused + " gradients refused as too stale (bound 1)"), show.out());
        assertTrue(show.out().contains("--strategy async --procs 3"), show.out());
        assertTrue(show.out().contains("--max-staleness 1"), show.out());
    }

    /** Three workers, no bound, two epochs of the embedded digits: stale gradients and all, the network learns. */
    @Test
    void threeWorkersWithoutABoundLearnTheDigits() throws IOException {
        TrainingConfig config = async(TrainingConfig.defaults(), 4).with(EPOCHS, 2).with(SEED, 5L);
        RecordingListener listener = new RecordingListener();
        runs.weights(config, listener);
        List<EpochCompleted> epochs = listener.events(EpochCompleted.class);
        assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss(), "the loss falls from epoch to epoch");
        assertTrue(epochs.get(1).testAccuracy() > 0.8, "test accuracy " + epochs.get(1).testAccuracy());
        List<Integer> applied = staleness(listener);
        assertEquals(3 * listener.events(StepCompleted.class).size(), applied.size(), "every worker's part of every step");
        assertTrue(applied.stream().anyMatch(s -> s > 0), "three workers do not always take turns");
    }
}
