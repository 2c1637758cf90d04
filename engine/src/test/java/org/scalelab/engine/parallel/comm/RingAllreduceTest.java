package org.scalelab.engine.parallel.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ring's schedule and arithmetic, over an in-memory link between threads (the MPJ link is tested with real ranks). */
class RingAllreduceTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 5, 1000, 10_007};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void everyRankEndsWithTheSameSumOfAllRanks(int ranks) {
        List<BlockingQueue<float[]>> inboxes = java.util.stream.IntStream.range(0, ranks)
                .mapToObj(rank -> (BlockingQueue<float[]>) new LinkedBlockingQueue<float[]>()).toList();
        List<float[][]> results = ThreadedRanks.run(ranks, rank -> {
            RingAllreduce ring = new RingAllreduce(rank, ranks, queueLink(rank, inboxes));
            float[][] sums = new float[LENGTHS.length][];
            for (int i = 0; i < LENGTHS.length; i++) {
                FloatBuffer data = SharedMemoryCommunicatorTest.direct(ThreadedRanks.randomValues(rank, LENGTHS[i]));
                ring.sum(data);
                sums[i] = SharedMemoryCommunicatorTest.contents(data);
            }
            return sums;
        });
        for (int i = 0; i < LENGTHS.length; i++) {
            float[] expected = ThreadedRanks.serialSum(ranks, LENGTHS[i]);
            float[] first = results.get(0)[i];
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], first[k], 1e-5f * Math.max(1f, Math.abs(expected[k])));
            }
            for (float[][] rankResult : results) {
                assertArrayEquals(first, rankResult[i], "all ranks hold identical bits");
            }
        }
    }

    private static RingAllreduce.Link queueLink(int rank, List<BlockingQueue<float[]>> inboxes) {
        int ranks = inboxes.size();
        return (send, sendCount, receive, receiveCount) -> {
            try {
                inboxes.get((rank + 1) % ranks).put(Arrays.copyOf(send, sendCount));
                float[] received = inboxes.get(rank).take();
                assertEquals(receiveCount, received.length, "the sender's chunk size matches the receiver's");
                System.arraycopy(received, 0, receive, 0, receiveCount);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
    }
}
