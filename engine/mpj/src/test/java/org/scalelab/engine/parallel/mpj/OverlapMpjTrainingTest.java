package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.StepTimeline;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.training.RecordingListener;
import org.scalelab.engine.training.StrategyEquivalence;

/**
 * {@code --overlap} with real MPJ ranks: the buckets' allreduce on each rank's communication thread (niodev child
 * JVMs, smpdev rank threads, hybrid ranks' worker threads) ends on the weights of one allreduce after the backward
 * pass.
 */
class OverlapMpjTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    private static TrainingConfig overlapped(TrainingConfig config) {
        return config.with(OVERLAP, true).with(BUCKET_KB, 1);
    }

    @Test
    void ranksOverlappingTheirAllreduceReachTheWeightsOfTheAllreduceAfterTheBackwardPass() throws IOException {
        TrainingConfig mpj = twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2);
        assertSameWeights(runs.weights(mpj), runs.weights(overlapped(mpj)), "mpj 2, overlap in 1 kB buckets");
        TrainingConfig builtin = mpj.with(ALLREDUCE, AllreduceAlgorithm.BUILTIN);
        assertSameWeights(runs.weights(builtin), runs.weights(overlapped(builtin)), "mpj 2 builtin allreduce, overlap");
        TrainingConfig multicore = twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ_MULTICORE).with(PROCS, 2);
        assertSameWeights(runs.weights(multicore), runs.weights(overlapped(multicore)), "mpj-multicore 2, overlap");
        TrainingConfig hybrid = twentySteps("mlp-235k").with(STRATEGY, Strategy.HYBRID).with(PROCS, 2).with(THREADS, 2);
        assertSameWeights(runs.weights(hybrid), runs.weights(overlapped(hybrid)), "hybrid 2×2, overlap");
    }

    @Test
    void everyRankReportsItsCommunicationThreadAndItsHiddenCommunication() throws IOException {
        RecordingListener listener = new RecordingListener();
        runs.weights(overlapped(twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2)), listener);
        EpochCompleted epoch = listener.events(EpochCompleted.class).get(0);
        assertEquals(2, epoch.phases().size());
        for (WorkerPhases rank : epoch.phases()) {
            assertTrue(rank.seconds().get(Phase.HIDDEN_COMMUNICATION) >= 0);
            assertTrue(rank.seconds().get(Phase.COMMUNICATION) > 0, "the last bucket is always waited for");
            assertTrue(listener.events(StepTimeline.class).stream().filter(t -> t.process() == rank.worker() && t.step() > 0)
                    .allMatch(t -> !t.communicationThread().isEmpty()), "rank " + rank.worker() + "'s communication thread");
        }
    }
}
