package org.scalelab.engine.model.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * A worker thread's intra-op threads: how many native (OpenMP) threads the ND4J, BLAS and oneDNN operations it starts
 * may use, and as many threads for the kernels written in Java (pooling, layout changes, im2col), so that
 * {@code intra-op 1×T} parallelises the whole step and not only the native operations. libnd4j, its BLAS and oneDNN
 * read the calling thread's OpenMP setting, so every worker thread sets its own before its first operation
 * ({@code Nd4j.getEnvironment().setMaxThreads} does not reach oneDNN). Max pooling alone was a quarter of a
 * {@code cnn-1m} step; left on one thread, it capped two threads' gain at about 1.5× however well the convolutions
 * scaled.
 *
 * <p>A kernel asks to {@link #split} a batch: the samples are cut into one contiguous range per thread, the calling
 * thread takes the first and waits for the others. The helpers are idle daemon threads of this worker's own, ended
 * after half a minute without work, so a finished run leaves none behind. A convolution or dense layer with enough
 * work shares its samples the same way, each range's native operations on one thread ({@link #splitNative}); other
 * native operations get every thread only for work large enough to repay waking them ({@link #nativeThreadsFor}).
 */
public final class IntraOpThreads {
    /**
     * Below this many values per thread a handover costs more than it saves: waking a parked helper and being woken by
     * it take about 0.1 ms each on these machines, and a kernel moves a value in 1–2 ns, so a range must hold a few
     * tenths of a millisecond. At 64 K, {@code tinycnn-8}'s first convolution and poolings were cut into ranges and its
     * step took 1.88–2.24 ms at two threads against 1.80 at one; at this limit they run whole, 1.57–1.66 ms
     * (docs/PERFORMANCE.md, "Two threads against one, taking turns").
     */
    static final long MIN_VALUES_PER_THREAD = 256 * 1024;

    private static final IntraOpThreads ONE = new IntraOpThreads(1);
    private static final ThreadLocal<IntraOpThreads> ON_THIS_THREAD = ThreadLocal.withInitial(() -> ONE);
    private static final AtomicInteger NEXT_HELPER = new AtomicInteger();

    /**
     * A layer doing less matrix work than this per batch runs its native operations on one thread: waking a second
     * OpenMP thread costs more than it saves. With a limit of 8 M, {@code mlp-235k}'s 12.8 M product on two threads
     * made {@code intra-op 1×2} 0.74× of serial, against 0.98× with this one (docs/PERFORMANCE.md); {@code cnn-1m}'s
     * convolutions (56 and 302 M multiply-adds at 64 images) and dense layer (67 M) gain.
     */
    static final long MIN_MULTIPLY_ADDS_FOR_NATIVE_THREADS = 32_000_000;
    /**
     * An elementwise pass over fewer values than this (the update of the parameters, the loss over the logits) runs on
     * one native thread: a pass over a million floats takes about half a millisecond on one, and waking the second
     * costs 0.1 ms on these machines; {@code mlp-235k}'s update on two threads made its whole step 20 % slower.
     */
    static final long MIN_VALUES_FOR_NATIVE_THREADS = 2_000_000;

    private final int count;
    private final ThreadPoolExecutor helpers;
    /** The native thread count the calling thread's operations use now: {@link #count}, or one for small work. */
    private int nativeNow;

    private IntraOpThreads(int count) {
        this.count = count;
        this.nativeNow = count;
        if (count == 1) {
            this.helpers = null;
        } else {
            this.helpers = new ThreadPoolExecutor(count - 1, count - 1, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), body -> {
                        // a helper's native operations, in a range of its own (splitNative), use one thread
                        Thread thread = new Thread(() -> {
                            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                            body.run();
                        }, "intra-op-" + NEXT_HELPER.getAndIncrement());
                        thread.setDaemon(true);
                        return thread;
                    });
            helpers.allowCoreThreadTimeOut(true);
        }
    }

    /** Gives the calling thread's native operations and Java kernels {@code threads} threads, itself included. */
    public static void useOnThisThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + threads);
        }
        Nd4j.getBackend();  // NativeOpsHolder finds the native library only once the backend has been loaded
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        IntraOpThreads previous = ON_THIS_THREAD.get();
        previous.nativeNow = previous.count;
        if (previous.count != threads) {
            if (previous.helpers != null) {
                previous.helpers.shutdown();
            }
            ON_THIS_THREAD.set(threads == 1 ? ONE : new IntraOpThreads(threads));
        }
    }

    /** The calling thread's threads: one unless it was given more. */
    public static IntraOpThreads onThisThread() {
        return ON_THIS_THREAD.get();
    }

    /** How many threads, so how many ranges {@link #split} may make at most: a kernel keeps scratch for each. */
    public int count() {
        return count;
    }

    /**
     * Sets how many native threads the next operations may use: all for a layer that does at least
     * {@link #MIN_MULTIPLY_ADDS_FOR_NATIVE_THREADS} multiply-adds, one for less.
     */
    public void nativeThreadsFor(long multiplyAdds) {
        useNative(multiplyAdds >= MIN_MULTIPLY_ADDS_FOR_NATIVE_THREADS ? count : 1);
    }

    /**
     * Sets how many native threads the next elementwise operations over {@code values} values may use: all from
     * {@link #MIN_VALUES_FOR_NATIVE_THREADS} on, one below.
     */
    public void nativeThreadsForValues(long values) {
        useNative(values >= MIN_VALUES_FOR_NATIVE_THREADS ? count : 1);
    }

    private void useNative(int threads) {
        if (threads != nativeNow) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            nativeNow = threads;
        }
    }

    /** The items {@code [from, to)} of a batch, with the scratch of thread {@code lane} (0 ≤ lane < count). */
    @FunctionalInterface
    public interface Range {
        void run(int lane, int from, int to);
    }

    /**
     * Runs {@code range} over {@code [0, items)}, cut into as many contiguous ranges as there are threads, or fewer
     * where each would get less than {@link #MIN_VALUES_PER_THREAD} values; returns when every range is done and
     * throws what any of them threw.
     *
     * @param valuesPerItem the values a kernel reads or writes for one item (a sample), not its arithmetic
     */
    public void split(int items, long valuesPerItem, Range range) {
        run(items, (int) Math.min(count, Math.max(1, Math.min(items, items * valuesPerItem / MIN_VALUES_PER_THREAD))),
                range);
    }

    /**
     * Runs a layer's native operations over {@code [0, items)} of a batch: with enough matrix work
     * ({@link #MIN_MULTIPLY_ADDS_FOR_NATIVE_THREADS}), cut into one range of samples per thread, each range's
     * operations on one native thread, as the {@code threads} strategy's workers split a batch; otherwise in one
     * range, with the native threads {@link #nativeThreadsFor} gives it. oneDNN's convolutions gained 1.06–1.2× from a
     * second OpenMP thread inside a {@code cnn-1m} step, where two workers with half a batch each reach 1.7×.
     *
     * @return how many ranges ran: a layer adds up the weight gradients of ranges 1 and on to range 0's
     */
    public int splitNative(int items, long multiplyAddsPerItem, Range range) {
        long work = items * multiplyAddsPerItem;
        int ranges = work < MIN_MULTIPLY_ADDS_FOR_NATIVE_THREADS ? 1 : Math.min(count, items);
        nativeThreadsFor(ranges == 1 ? work : 0);
        run(items, ranges, range);
        return ranges;
    }

    private void run(int items, int ranges, Range range) {
        if (ranges == 1) {
            range.run(0, 0, items);
            return;
        }
        List<Future<?>> others = new ArrayList<>(ranges - 1);
        for (int lane = 1; lane < ranges; lane++) {
            int own = lane;
            others.add(helpers.submit(() -> range.run(own, start(items, ranges, own), start(items, ranges, own + 1))));
        }
        try {
            range.run(0, 0, start(items, ranges, 1));
        } finally {
            awaitAll(others);
        }
    }

    /** Waits for every range, even when interrupted (they write the caller's arrays), then throws the first failure. */
    private static void awaitAll(List<Future<?>> ranges) {
        boolean interrupted = false;
        RuntimeException failure = null;
        for (Future<?> range : ranges) {
            while (true) {
                try {
                    range.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException("an intra-op thread failed", e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int start(int items, int ranges, int lane) {
        return (int) ((long) items * lane / ranges);
    }
}
