package org.scalelab.engine.model.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;

class IntraOpThreadsTest {
    private record Range(int from, int to, Thread thread) {
    }

    @AfterEach
    void oneThreadAgain() {
        IntraOpThreads.useOnThisThread(1);
    }

    private static Map<Integer, Range> split(int items, long valuesPerItem) {
        Map<Integer, Range> ranges = new ConcurrentHashMap<>();
        IntraOpThreads.onThisThread().split(items, valuesPerItem,
                (lane, from, to) -> ranges.put(lane, new Range(from, to, Thread.currentThread())));
        return ranges;
    }

    @Test
    void aBatchIsCutIntoOneContiguousRangePerThreadTheCallerTakingTheFirst() {
        IntraOpThreads.useOnThisThread(3);
        Map<Integer, Range> ranges = split(8, IntraOpThreads.MIN_VALUES_PER_THREAD);

        assertEquals(List.of(0, 1, 2), ranges.keySet().stream().sorted().toList());
        assertEquals(new Range(0, 2, Thread.currentThread()), ranges.get(0));
        assertEquals(List.of(2, 5), List.of(ranges.get(1).from(), ranges.get(1).to()));
        assertEquals(List.of(5, 8), List.of(ranges.get(2).from(), ranges.get(2).to()));
        assertNotSame(Thread.currentThread(), ranges.get(1).thread());
        assertNotSame(ranges.get(1).thread(), ranges.get(2).thread());
        assertTrue(ranges.get(1).thread().isDaemon() && ranges.get(1).thread().getName().startsWith("intra-op-"));
    }

    @Test
    void workTooSmallToShareStaysOnTheCallingThread() {
        IntraOpThreads.useOnThisThread(2);
        assertEquals(Map.of(0, new Range(0, 3, Thread.currentThread())), split(3, 1000));
        // two ranges of at least the minimum, not three
        IntraOpThreads.useOnThisThread(3);
        assertEquals(2, split(4, IntraOpThreads.MIN_VALUES_PER_THREAD / 2).size());
        assertEquals(2, split(2, 10 * IntraOpThreads.MIN_VALUES_PER_THREAD).size(), "never more ranges than items");
    }

    @Test
    void oneThreadRunsEverythingInPlace() {
        assertEquals(1, IntraOpThreads.onThisThread().count());
        assertEquals(Map.of(0, new Range(0, 64, Thread.currentThread())), split(64, 1 << 20));
    }

    @Test
    void aFailingRangeFailsTheCallOnlyAfterEveryOtherRangeHasEnded() {
        IntraOpThreads.useOnThisThread(2);
        AtomicInteger ended = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> IntraOpThreads.onThisThread()
                .split(2, IntraOpThreads.MIN_VALUES_PER_THREAD, (lane, from, to) -> {
                    if (lane == 0) {
                        throw new IllegalStateException("lane 0 failed");
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ended.incrementAndGet();
                }));
        assertEquals("lane 0 failed", thrown.getMessage());
        assertEquals(1, ended.get(), "the helper's range, still writing the batch, ended before the call returned");

        IllegalStateException fromHelper = assertThrows(IllegalStateException.class, () -> IntraOpThreads.onThisThread()
                .split(2, IntraOpThreads.MIN_VALUES_PER_THREAD, (lane, from, to) -> {
                    if (lane == 1) {
                        throw new IllegalStateException("lane 1 failed");
                    }
                }));
        assertEquals("lane 1 failed", fromHelper.getMessage());
    }

    @Test
    void eachThreadHasItsOwnCount() throws InterruptedException {
        IntraOpThreads.useOnThisThread(2);
        IntraOpThreads mine = IntraOpThreads.onThisThread();
        int[] other = new int[1];
        Thread thread = new Thread(() -> other[0] = IntraOpThreads.onThisThread().count());
        thread.start();
        thread.join();
        assertEquals(1, other[0]);
        IntraOpThreads.useOnThisThread(2);
        assertSame(mine, IntraOpThreads.onThisThread(), "asking for the same count again keeps the helpers");
        assertThrows(IllegalArgumentException.class, () -> IntraOpThreads.useOnThisThread(0));
    }

    /** What OpenMP tells an operation started from this thread it may use. */
    private static int nativeThreadsNow() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /**
     * A layer's native operations get every thread only for enough matrix work to repay waking them: cnn-1m's second
     * convolution at 64 images (302 M multiply-adds) does, mlp-235k's largest product (12.8 M) does not; an update
     * of a million parameters stays on one, one of four million does not.
     */
    @Test
    void nativeOperationsGetEveryThreadOnlyForLargeWork() {
        IntraOpThreads.useOnThisThread(2);
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        threads.nativeThreadsFor(302_000_000L);
        assertEquals(2, nativeThreadsNow());
        threads.nativeThreadsFor(12_845_056L);
        assertEquals(1, nativeThreadsNow());
        threads.nativeThreadsForValues(4_000_000L);
        assertEquals(2, nativeThreadsNow());
        threads.nativeThreadsForValues(1_070_794L);
        assertEquals(1, nativeThreadsNow());
    }

    /**
     * A layer's native work large enough to share goes in one range of samples per thread, each on one native thread
     * (the threads strategy's way of splitting a batch); smaller work stays in one range on the caller.
     */
    @Test
    void nativeWorkIsSharedBySamplesEachRangeOnOneNativeThread() {
        IntraOpThreads.useOnThisThread(2);
        Map<Integer, Integer> nativeThreads = new ConcurrentHashMap<>();
        Map<Integer, Range> ranges = new ConcurrentHashMap<>();
        int shared = IntraOpThreads.onThisThread().splitNative(64, 4_720_000L, (lane, from, to) -> {
            nativeThreads.put(lane, nativeThreadsNow());
            ranges.put(lane, new Range(from, to, Thread.currentThread()));
        });
        assertEquals(2, shared);
        assertEquals(Map.of(0, 1, 1, 1), nativeThreads);
        assertEquals(List.of(0, 32, 32, 64), List.of(ranges.get(0).from(), ranges.get(0).to(), ranges.get(1).from(),
                ranges.get(1).to()));

        nativeThreads.clear();
        assertEquals(1, IntraOpThreads.onThisThread().splitNative(64, 200_000L,
                (lane, from, to) -> nativeThreads.put(lane, nativeThreadsNow())));
        assertEquals(Map.of(0, 1), nativeThreads, "mlp-235k's 12.8 M multiply-adds: one range, one native thread");
    }
}
