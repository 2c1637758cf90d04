package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.PhaseSlice;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.Presets;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.SharedMemoryGroup;

/**
 * Two workers of mlp-235k on real threads: their gradients allreduced bucket by bucket while their backward passes
 * run, and the time that took split into hidden and waited-for communication.
 */
class OverlappedAllreduceTest {
    /** Slices are kept in microseconds: a bucket's slice may round 2 µs away from its nanoseconds, twice over. */
    private static final double ROUNDING_SECONDS = 4e-6;

    private record Step(float[] alone, float[] summed, PhaseTimer timer, List<PhaseSlice> communicationThread,
                        long communicatingNanos) {
    }

    @Test
    void bucketsSumToTheWholeAllreduceAndTheirTimeIsHiddenOrWaitedFor() throws Exception {
        SharedMemoryGroup group = new SharedMemoryGroup(2);
        // 1 kB: a bucket per dense layer, the first two of them sent while the backward pass goes on
        CompletableFuture<Step> first = CompletableFuture.supplyAsync(() -> step(group.communicator(0), 1));
        CompletableFuture<Step> second = CompletableFuture.supplyAsync(() -> step(group.communicator(1), 1));
        Step zero = first.get();
        Step one = second.get();

        float[] expected = new float[zero.alone().length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = zero.alone()[i] + one.alone()[i];
        }
        assertArrayEquals(expected, zero.summed(), "rank 0 + rank 1, as one allreduce of the whole buffer sums them");
        assertArrayEquals(expected, one.summed());

        for (Step worker : List.of(zero, one)) {
            double hidden = worker.timer().seconds(Phase.HIDDEN_COMMUNICATION);
            double waited = microsOf(worker.communicationThread(), Phase.COMMUNICATION) / 1e6;
            assertEquals(hidden, microsOf(worker.communicationThread(), Phase.HIDDEN_COMMUNICATION) / 1e6,
                    3 * 2e-6, "the hidden total is the hidden stretches of the communication thread");
            assertEquals(worker.communicatingNanos() / 1e9, hidden + waited, 3 * ROUNDING_SECONDS,
                    "hidden + waited is the time the allreduce of the three buckets took");
            assertTrue(worker.timer().seconds(Phase.COMMUNICATION) > 0, "the last bucket is waited for");
            assertEquals(3, worker.communicationThread().stream().map(PhaseSlice::collective)
                    .filter(name -> name != null).distinct().count(), "three buckets");
        }
    }

    @Test
    void oneWorkerAloneSendsNothingAndWaitsForNothing() {
        Step alone = step(new SharedMemoryGroup(1).communicator(0), 1);
        assertArrayEquals(alone.alone(), alone.summed());
        assertEquals(0, alone.timer().seconds(Phase.HIDDEN_COMMUNICATION));
        assertEquals(0, alone.timer().seconds(Phase.COMMUNICATION));
        assertFalse(alone.communicationThread().stream().anyMatch(slice -> slice.micros() > 0));
    }

    /** A worker's step: its own gradient first, then the same backward pass with the overlapped allreduce. */
    private static Step step(Communicator communicator, int bucketKb) {
        Network network = new Network(Presets.find("mlp-235k").orElseThrow(), DataType.FLOAT, 7);
        INDArray input = Nd4j.rand(DataType.FLOAT, 16, 1, 28, 28);
        Nd4j.getRandom().setSeed(11 + communicator.rank());
        INDArray gradLogits = Nd4j.rand(DataType.FLOAT, 16, 10).subi(0.5);
        network.forward(input, true);
        network.backward(gradLogits);
        float[] alone = network.gradients().toFloatVector();

        PhaseTimer timer = new PhaseTimer();
        OverlappedAllreduce sync = new OverlappedAllreduce(new TimedCollectives(communicator, timer), network, bucketKb);
        network.forward(input, true);
        long communicating = communicator.times().communicatingNanos();
        timer.enter(Phase.BACKWARD);
        network.backward(gradLogits, sync.backwardClock());
        sync.beforeUpdate();
        timer.stop();
        return new Step(alone, network.gradients().toFloatVector(), timer, new ArrayList<>(timer.cutCommunicationThread()),
                communicator.times().communicatingNanos() - communicating);
    }

    private static double microsOf(List<PhaseSlice> slices, Phase phase) {
        return slices.stream().filter(slice -> slice.phase() == phase).mapToLong(PhaseSlice::micros).sum();
    }
}
