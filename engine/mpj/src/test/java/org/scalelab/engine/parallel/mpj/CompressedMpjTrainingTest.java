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
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.runs.BytesSent;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.strategies.Trainers;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.CompressionDistance;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.StrategyEquivalence;

/** MPJ ranks exchanging compressed gradients: the same sums as threads, and fewer bytes than floats. */
class CompressedMpjTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    /**
     * Ranks and threads split the batch alike and decode and add the same halves in the same order, so they
     * agree as closely as exact sums do (1e-5); both stay within fp16's bound of serial. Hybrid's workers, rank-major,
     * are the same four as four threads'.
     */
    @Test
    void halfPrecisionRanksReachTheThreadsWeightsAndStayNearSerial() throws IOException {
        GradientCompression fp16 = GradientCompression.parse("fp16");
        TrainingConfig base = twentySteps("mlp-235k").with(COMPRESS, fp16);
        float[] serial = runs.weights(twentySteps("mlp-235k"));
        float[] threads = runs.weights(base.with(STRATEGY, Strategy.THREADS).with(THREADS, 2));
        float[] mpj = runs.weights(base.with(STRATEGY, Strategy.MPJ).with(PROCS, 2));
        float[] multicore = runs.weights(base.with(STRATEGY, Strategy.MPJ_MULTICORE).with(PROCS, 2));
        assertSameWeights(threads, mpj, "fp16, mpj 2 against threads 2");
        assertSameWeights(threads, multicore, "fp16, mpj-multicore 2 against threads 2");
        float[] fourThreads = runs.weights(base.with(STRATEGY, Strategy.THREADS).with(THREADS, 4));
        float[] hybrid = runs.weights(base.with(STRATEGY, Strategy.HYBRID).with(PROCS, 2).with(THREADS, 2));
        assertSameWeights(fourThreads, hybrid, "fp16, hybrid 2×2 against threads 4");
        double distance = CompressionDistance.relative(serial, mpj);
        assertTrue(distance < CompressionDistance.HALF_PRECISION_TOLERANCE, "fp16 mpj against serial: " + distance);
    }

    @Test
    void topKOnTwoRanksTrainsAndRecordsFewerBytesThanFloats() throws Exception {
        GradientCompression topk = GradientCompression.parse("topk:0.01");
        TrainingConfig config = twentySteps("mlp-235k").with(STEPS_PER_EPOCH, 60).with(STRATEGY, Strategy.MPJ)
                .with(PROCS, 2).with(COMPRESS, topk);
        RunStore store = new RunStore(runs.folder().resolve("runs"));
        CancellationToken token = new CancellationToken();
        RunSummary summary = Trainers.forConfig(config, runs.catalog()).train(RunPlan.prepare(config, runs.catalog()),
                new RunRecorder(store, token::abort), token);
        assertEquals(RunStatus.FINISHED, summary.status());
        RunRecord record = store.load(summary.runId());

        List<Double> losses = record.events().stream().filter(StepCompleted.class::isInstance)
                .map(event -> ((StepCompleted) event).loss()).toList();
        double first = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(50, 60).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(last < 0.7 * first, "the loss falls: first ten steps " + first + ", last ten " + last);

        BytesSent sent = BytesSent.of(record).orElseThrow();
        int parameters = 235_146;
        assertEquals(4L * parameters, sent.dense());
        assertEquals(8.0 * topk.keptEntries(parameters), sent.perStep(), "8 bytes per kept entry, every step");
        assertTrue(sent.ratio() > 40, "top-1 % sends about 50× fewer bytes: " + sent.ratio());
    }
}
