package org.scalelab.engine.parallel.launch;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Ranks as threads of this JVM. The first rank to throw fails the job; the others are then released from
 * whatever collective they wait in and interrupted, since nothing else would ever free them. Rank threads are
 * daemons: a job never keeps the application alive.
 */
final class RankThreads {
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** What rank {@code rank} runs on its thread. */
    @FunctionalInterface
    interface RankBody {
        void run(int rank) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final Runnable releaseRanks;
    private final Runnable afterRanks;
    private final JobSupervisor supervisor;

    /**
     * Starts one thread per rank.
     *
     * @param groups       the thread group of each rank's thread
     * @param releaseRanks wakes ranks blocked in a collective (interrupts are sent as well)
     * @param afterRanks   runs once all rank threads have ended, however the job ended
     */
    static RankJob start(String name, int ranks, IntFunction<ThreadGroup> groups, RankBody body, Runnable releaseRanks,
            Runnable afterRanks) {
        return new RankThreads(name, ranks, groups, body, releaseRanks, afterRanks).supervisor;
    }

    private RankThreads(String name, int ranks, IntFunction<ThreadGroup> groups, RankBody body, Runnable releaseRanks,
            Runnable afterRanks) {
        this.releaseRanks = releaseRanks;
        this.afterRanks = afterRanks;
        for (int rank = 0; rank < ranks; rank++) {
            int me = rank;
            Thread thread = new Thread(groups.apply(rank), () -> runRank(me, body), name + "-rank-" + rank);
            thread.setDaemon(true);
            threads.add(thread);
        }
        // Only now, so that nothing is left waiting if a thread group could not be made.
        this.supervisor = new JobSupervisor(name, ranks, this::stopRanks, this::joinRanks);
        threads.forEach(Thread::start);
    }

    private void runRank(int rank, RankBody body) {
        try {
            body.run(rank);
            supervisor.rankSucceeded();
        } catch (Throwable failure) {
            supervisor.fail(() -> "rank " + rank + " failed: " + cause(failure));
        }
    }

    private void stopRanks() {
        releaseRanks.run();
        threads.forEach(Thread::interrupt);
        joinRanks();
    }

    private void joinRanks() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        afterRanks.run();
    }

    /** What the task threw, not the reflection wrapper around it. */
    private static String cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
