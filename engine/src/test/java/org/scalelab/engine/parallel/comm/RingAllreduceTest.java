package org.scalelab.engine.parallel.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ring's schedule and arithmetic between threads, over an in-memory queue and over the shared-memory link's
 * mapped files (the MPJ link, and the shared-memory link between processes, are tested with real ranks).
 */
class RingAllreduceTest {
    // Growing lengths, so the shared-memory outboxes grow between calls too.
    private static final int[] LENGTHS = {0, 1, 2, 3, 5, 1000, 10_007};

    @TempDir
    Path outboxes;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void everyRankEndsWithTheSameSumOfAllRanks(int ranks) {
        List<BlockingQueue<float[]>> inboxes = IntStream.range(0, ranks)
                .mapToObj(rank -> (BlockingQueue<float[]>) new LinkedBlockingQueue<float[]>()).toList();
        assertSumsOfAllRanks(ranks, rank -> queueLink(rank, inboxes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void overSharedMemoryEveryRankEndsWithTheSameSumOfAllRanks(int ranks) throws IOException {
        SharedMemoryRingLink.createOutboxes(outboxes, ranks);
        assertSumsOfAllRanks(ranks, rank -> new SharedMemoryRingLink(outboxes, rank, ranks));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void aBarrierOverSharedMemoryWaitsForTheLastRank(int ranks) throws IOException {
        SharedMemoryRingLink.createOutboxes(outboxes, ranks);
        long start = System.nanoTime();
        List<Long> released = ThreadedRanks.run(ranks, rank -> {
            RingAllreduce ring = new RingAllreduce(rank, ranks, new SharedMemoryRingLink(outboxes, rank, ranks));
            for (int round = 1; round <= 2; round++) {
                if (rank == 1) {
                    sleep(100);
                }
                ring.barrier();
            }
            return System.nanoTime() - start;
        });
        for (long nanos : released) {
            assertTrue(nanos >= 200_000_000L, "released after " + nanos / 1e6 + " ms, before rank 1 came twice");
        }
    }

    @Test
    void aRankWaitingOnSharedMemoryStopsWhenInterrupted() throws Exception {
        SharedMemoryRingLink.createOutboxes(outboxes, 2);
        SharedMemoryRingLink lonely = new SharedMemoryRingLink(outboxes, 0, 2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread rank = new Thread(() -> {
            try {
                lonely.exchange(FloatBuffer.allocate(8), 0, 4, 4, 4, true);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        rank.start();
        rank.join(200);
        assertTrue(rank.isAlive(), "it waits for rank 1, which never sends");
        rank.interrupt();
        rank.join(2000);
        assertFalse(rank.isAlive(), "an interrupt ends the wait");
        assertInstanceOf(CommunicationAbortedException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("rank 1"), thrown.get().getMessage());
    }

    private static void assertSumsOfAllRanks(int ranks, IntFunction<RingAllreduce.Link> links) {
        List<float[][]> results = ThreadedRanks.run(ranks, rank -> {
            RingAllreduce ring = new RingAllreduce(rank, ranks, links.apply(rank));
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static RingAllreduce.Link queueLink(int rank, List<BlockingQueue<float[]>> inboxes) {
        int ranks = inboxes.size();
        BlockedAdd blocks = new BlockedAdd();
        return (data, send, sendCount, receive, receiveCount, add) -> {
            try {
                float[] outgoing = new float[sendCount];
                data.get(send, outgoing);
                inboxes.get((rank + 1) % ranks).put(outgoing);
                float[] received = inboxes.get(rank).take();
                assertEquals(receiveCount, received.length, "the sender's chunk size matches the receiver's");
                blocks.into(data, receive, FloatBuffer.wrap(received), 0, receiveCount, add);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
    }
}
