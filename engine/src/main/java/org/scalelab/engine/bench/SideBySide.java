package org.scalelab.engine.bench;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.DoubleStream;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.kernels.IntraOpThreads;

/**
 * One worker's steps alone on the host and with a second worker computing beside it: two threads, each training its
 * own {@link SyntheticStep} with one native thread, the first one's steps timed in turns, alone and with the second
 * busy. Side by side they share the caches and the memory bandwidth, and the JVM's and the system's own work finds no
 * idle core to run on. Turns within one JVM keep the machine's drift (±30 % over minutes on these shared VMs) out of
 * the comparison, which two runs a minute apart could not.
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
     * @param besideMillis the first worker's steps with the second training beside it
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
        DoubleStream.Builder alone = DoubleStream.builder();
        DoubleStream.Builder beside = DoubleStream.builder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread neighbour = new Thread(() -> guarded(failure, turn, () -> {
            SyntheticStep step = warmedUp(architecture, batchSize);
            for (int round = 0; round < rounds; round++) {
                for (boolean besideNow : order(round)) {
                    turn.await();
                    if (besideNow) {
                        computeUntilTurnEnds(step, turn);
                    } else {
                        turn.await();  // idle while the first worker runs alone
                    }
                }
            }
        }), "side-by-side-neighbour");
        neighbour.setDaemon(true);
        neighbour.start();
        guarded(failure, turn, () -> {
            SyntheticStep step = warmedUp(architecture, batchSize);
            for (int round = 0; round < rounds; round++) {
                for (boolean besideNow : order(round)) {
                    turn.await();
                    time(step, besideNow ? beside : alone);
                    turn.await();
                }
            }
        });
        neighbour.join();
        if (failure.get() != null) {
            throw new IllegalStateException("side-by-side measurement failed: " + failure.get(), failure.get());
        }
        return new Result(alone.build().toArray(), beside.build().toArray());
    }

    /** Alone first in even rounds, beside first in odd ones. */
    private static boolean[] order(int round) {
        return round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
    }

    private static SyntheticStep warmedUp(Architecture architecture, int batchSize) {
        IntraOpThreads.useOnThisThread(1);
        SyntheticStep step = SyntheticStep.warmedUp(architecture, batchSize, 1);
        long until = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L;
        while (System.nanoTime() < until) {
            step.run();
        }
        return step;
    }

    /** Steps until the first worker reaches the end of its turn, so that none of its timed steps runs alone. */
    private static void computeUntilTurnEnds(SyntheticStep step, CyclicBarrier turn) throws InterruptedException,
            BrokenBarrierException {
        while (turn.getNumberWaiting() == 0) {
            step.run();
        }
        turn.await();
    }

    /** Steps for a turn's length (at least one), each timed into {@code into}. */
    private static void time(SyntheticStep step, DoubleStream.Builder into) {
        long end = System.nanoTime() + TURN_MILLIS * 1_000_000L;
        long start = System.nanoTime();
        do {
            step.run();
            long finished = System.nanoTime();
            into.add((finished - start) / 1e6);
            start = finished;
        } while (start < end);
    }

    private interface Body {
        void run() throws InterruptedException, BrokenBarrierException;
    }

    /** Runs {@code body}; a failure is kept and the barrier broken, so that the other thread stops waiting too. */
    private static void guarded(AtomicReference<Throwable> failure, CyclicBarrier turn, Body body) {
        try {
            body.run();
        } catch (BrokenBarrierException e) {
            // the other thread failed and said so
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            turn.reset();
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            turn.reset();
        }
    }
}
