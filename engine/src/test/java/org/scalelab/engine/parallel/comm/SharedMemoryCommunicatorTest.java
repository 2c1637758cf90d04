package org.scalelab.engine.parallel.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedMemoryCommunicatorTest {
    /** Empty, fewer than 4 ranks, one block boundary crossed by a non-divisible length, several blocks. */
    private static final int[] LENGTHS = {0, 1, 3, 4097, 10_007, 100_003};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void allreduceEqualsTheSerialSumBitForBit(int ranks) {
        SharedMemoryGroup group = new SharedMemoryGroup(ranks);
        List<float[][]> results = ThreadedRanks.run(ranks, rank -> {
            Communicator communicator = group.communicator(rank);
            float[][] sums = new float[LENGTHS.length][];
            for (int i = 0; i < LENGTHS.length; i++) {
                FloatBuffer data = direct(ThreadedRanks.randomValues(rank, LENGTHS[i]));
                communicator.allreduceSum(data);
                sums[i] = contents(data);
            }
            return sums;
        });
        for (int i = 0; i < LENGTHS.length; i++) {
            float[] expected = ThreadedRanks.serialSum(ranks, LENGTHS[i]);
            for (float[][] rankResult : results) {
                assertArrayEquals(expected, rankResult[i], "length " + LENGTHS[i]);
            }
        }
    }

    @Test
    void collectivesUseTheElementsFromPositionToLimit() {
        SharedMemoryGroup group = new SharedMemoryGroup(2);
        List<float[]> results = ThreadedRanks.run(2, rank -> {
            FloatBuffer data = FloatBuffer.wrap(new float[] {99, rank + 1, rank + 2, 99});
            data.position(1).limit(3);
            group.communicator(rank).allreduceSum(data);
            assertEquals(1, data.position());
            assertEquals(3, data.limit());
            return data.array();
        });
        assertArrayEquals(new float[] {99, 3, 5, 99}, results.get(0));
        assertArrayEquals(new float[] {99, 3, 5, 99}, results.get(1));
    }

    @Test
    void broadcastCopiesTheRootsValuesEverywhere() {
        SharedMemoryGroup group = new SharedMemoryGroup(3);
        List<float[]> results = ThreadedRanks.run(3, rank -> {
            FloatBuffer data = direct(ThreadedRanks.randomValues(rank, 5000));
            group.communicator(rank).broadcast(data, 2);
            return contents(data);
        });
        for (float[] result : results) {
            assertArrayEquals(ThreadedRanks.randomValues(2, 5000), result);
        }
    }

    @Test
    void gatherConcatenatesInRankOrderAtTheRoot() {
        SharedMemoryGroup group = new SharedMemoryGroup(3);
        List<float[]> results = ThreadedRanks.run(3, rank -> {
            FloatBuffer send = FloatBuffer.wrap(new float[] {10 * rank, 10 * rank + 1});
            FloatBuffer receive = FloatBuffer.allocate(rank == 1 ? 6 : 0);
            group.communicator(rank).gather(send, receive, 1);
            return receive.array();
        });
        assertArrayEquals(new float[] {0, 1, 10, 11, 20, 21}, results.get(1));
        assertEquals(0, results.get(0).length);
    }

    @Test
    void waitingForALateRankIsCountedApartFromCommunicating() {
        SharedMemoryGroup group = new SharedMemoryGroup(2);
        List<CollectiveTimes> times = ThreadedRanks.run(2, rank -> {
            Communicator communicator = group.communicator(rank);
            if (rank == 1) {
                sleep(200);
            }
            communicator.allreduceSum(FloatBuffer.allocate(1000));
            communicator.barrier();
            return communicator.times();
        });
        CollectiveTimes early = times.get(0);
        assertTrue(early.separatesWaiting());
        assertEquals(2, early.collectives());
        assertTrue(early.waitingNanos() > 150_000_000L, "waited " + early.waitingNanos() + " ns");
        assertTrue(early.communicatingNanos() < 100_000_000L, "communicated " + early.communicatingNanos() + " ns");
        assertTrue(times.get(1).waitingNanos() < 100_000_000L);
    }

    @Test
    void abortReleasesRanksBlockedInACollective() {
        SharedMemoryGroup group = new SharedMemoryGroup(3);
        List<String> outcomes = ThreadedRanks.run(3, rank -> {
            if (rank == 2) {
                sleep(100);
                group.abort();
                return "aborted";
            }
            CommunicationAbortedException e = assertThrows(CommunicationAbortedException.class,
                    () -> group.communicator(rank).allreduceSum(FloatBuffer.allocate(10)));
            return e.getMessage();
        });
        assertTrue(outcomes.get(0).contains("failed or was cancelled"), outcomes.get(0));
    }

    @Test
    void differentLengthsAreRefusedOnEveryRank() {
        SharedMemoryGroup group = new SharedMemoryGroup(2);
        List<String> messages = ThreadedRanks.run(2, rank -> assertThrows(IllegalArgumentException.class,
                () -> group.communicator(rank).allreduceSum(FloatBuffer.allocate(5 + rank))).getMessage());
        assertTrue(messages.get(0).contains("different lengths"), messages.get(0));
        assertEquals(messages.get(0), messages.get(1));
    }

    static FloatBuffer direct(float[] values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        buffer.put(0, values);
        return buffer;
    }

    static float[] contents(FloatBuffer buffer) {
        float[] values = new float[buffer.remaining()];
        buffer.get(buffer.position(), values);
        return values;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
