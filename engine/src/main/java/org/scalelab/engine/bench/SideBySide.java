package org.scalelab.engine.bench;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.DoubleStream;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.kernels.IntraOpThreads;

/**
 * One worker's steps alone on the host and with a second worker computing beside it: two threads, each training its
 * own {@link SyntheticStep} with one native thread, the first one's steps timed in turns, alone and with the second
 * stepping in lockstep with it, each waiting for the other before its next step as data-parallel workers do. Side by
 * side they share the caches and the memory bandwidth, and the JVM's and the system's own work finds an idle core only
 * while one of them waits. (Stepping freely instead, never waiting, mlp-235k's steps beside another came out 11–16 %
 * longer and the slower of two 22–26 % of a step late, and predicted from that, threads 1 × 2 37 % slower than it
 * trained.) Turns within one JVM keep the machine's drift (±30 % over minutes on these shared VMs) out of the
 * comparison, which two runs a minute apart could not.
 */
public final class SideBySide {
    /**
     * Rounds of two turns: 8 s of steps in all. With 20, two calibrations minutes apart measured cnn-1m's step beside
     * another 0.3 % and 10.7 % longer than alone on this shared 2-vCPU machine.
     */
    public static final int ROUNDS = 40;
    static final long TURN_MILLIS = 100;
    static final long WARM_UP_MILLIS = 1000;

    /**
     * @param aloneMillis  the first worker's steps with the second idle, in the order timed
     * @param besideMillis the first worker's steps with the second stepping in lockstep beside it (each its own step,
     *                     not the wait)
     */
    public record Result(double[] aloneMillis, double[] besideMillis) {
    }

    private SideBySide() {
    }

    /**
     * {@code rounds} rounds of a turn alone and a turn beside, each about {@value #TURN_MILLIS} ms of the first worker's
     * steps, the order swapped every round, after both workers have warmed up together for
     * {@value #WARM_UP_MILLIS} ms. Many short turns, so that the JVM's rare long pauses (a young collection took 17–45 ms
     * beside mlp-235k's 0.4 ms steps) fall on both kinds of turn alike.
     */
    public static Result measure(Architecture architecture, int batchSize, int rounds) throws InterruptedException {
        if (rounds <= 0) {
            throw new IllegalArgumentException("rounds must be positive");
        }
        CyclicBarrier turn = new CyclicBarrier(2);
        AtomicBoolean turnOver = new AtomicBoolean();
        // what both see after a meeting is decided as it completes: read after it, a worker descheduled on its way out
        // could find the next meeting's value and leave one step early, the other then waiting for it for ever
        AtomicBoolean stepping = new AtomicBoolean();
        CyclicBarrier lockstep = new CyclicBarrier(2, () -> stepping.set(!turnOver.get()));
        DoubleStream.Builder alone = DoubleStream.builder();
        DoubleStream.Builder beside = DoubleStream.builder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread neighbour = new Thread(() -> guarded(failure, () -> {
            SyntheticStep step = warmedUp(architecture, batchSize);
            for (int round = 0; round < rounds; round++) {
                for (boolean besideNow : order(round)) {
                    turn.await();
                    while (besideNow && meet(lockstep, stepping)) {
                        step.run();
                    }
                    turn.await();  // the turn's end: alone, the first worker's steps took it
                }
            }
        }, turn, lockstep), "side-by-side-neighbour");
        neighbour.setDaemon(true);
        neighbour.start();
        guarded(failure, () -> {
            SyntheticStep step = warmedUp(architecture, batchSize);
            for (int round = 0; round < rounds; round++) {
                for (boolean besideNow : order(round)) {
                    turnOver.set(false);
                    turn.await();
                    long end = System.nanoTime() + TURN_MILLIS * 1_000_000L;
                    if (besideNow) {
                        // the turn is over at the first meeting after its end, which both then leave
                        do {
                            turnOver.set(System.nanoTime() >= end);
                        } while (meet(lockstep, stepping) && timed(step, beside));
                    } else {
                        do {
                            timed(step, alone);
                        } while (System.nanoTime() < end);
                    }
                    turn.await();
                }
            }
        }, turn, lockstep);
        neighbour.join();
        if (failure.get() != null) {
            throw new IllegalStateException("side-by-side measurement failed: " + failure.get(), failure.get());
        }
        return new Result(alone.build().toArray(), beside.build().toArray());
    }

    /** Both workers at the start of a step, as data-parallel workers meet after each; false once the turn is over. */
    private static boolean meet(CyclicBarrier lockstep, AtomicBoolean stepping) throws InterruptedException,
            BrokenBarrierException {
        lockstep.await();
        return stepping.get();
    }

    /** One step, its time added to {@code into}; true, so that a loop can go on. */
    private static boolean timed(SyntheticStep step, DoubleStream.Builder into) {
        long start = System.nanoTime();
        step.run();
        into.add((System.nanoTime() - start) / 1e6);
        return true;
    }

    /** Alone first in even rounds, beside first in odd ones. */
    private static boolean[] order(int round) {
        return round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
    }

    private static SyntheticStep warmedUp(Architecture architecture, int batchSize) {
        IntraOpThreads.useOnThisThread(1);
        return SyntheticStep.warmedUp(architecture, batchSize, 1, WARM_UP_MILLIS);
    }

    private interface Body {
        void run() throws InterruptedException, BrokenBarrierException;
    }

    /** Runs {@code body}; a failure is kept and the barriers broken, so that the other thread stops waiting too. */
    private static void guarded(AtomicReference<Throwable> failure, Body body, CyclicBarrier... barriers) {
        try {
            body.run();
        } catch (BrokenBarrierException e) {
            // the other thread failed and said so
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Arrays.stream(barriers).forEach(CyclicBarrier::reset);
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            Arrays.stream(barriers).forEach(CyclicBarrier::reset);
        }
    }
}
