package org.scalelab.engine.parallel.launch;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decides how a job ends, on one thread of its own, from the events its ranks' watchers post: every rank
 * succeeded, or the first failure (a rank failing, the start-up failing, a cancel) stops all ranks and becomes
 * the job's failure. Taking the decisions one at a time means no two of them race, and failures that are mere
 * consequences of stopping the ranks are never reported in place of the cause. It is also what callers wait on.
 */
final class JobSupervisor implements RankJob {
    private final int ranks;
    private final Runnable stopRanks;
    private final Runnable beforeSuccess;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String failure;
    private boolean decided;
    private int succeeded;

    /**
     * @param stopRanks     stops every rank and returns once they are gone (or a bounded wait has passed)
     * @param beforeSuccess runs once every rank has succeeded, before waiters are released
     */
    JobSupervisor(String jobName, int ranks, Runnable stopRanks, Runnable beforeSuccess) {
        this.ranks = ranks;
        this.stopRanks = stopRanks;
        this.beforeSuccess = beforeSuccess;
        Thread thread = new Thread(this::takeEvents, jobName + "-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    void rankSucceeded() {
        events.add(() -> {
            if (++succeeded == ranks) {
                beforeSuccess.run();
                conclude(null);
            }
        });
    }

    /** @param why asked only after the ranks are stopped, so it may wait for the failed rank's last words */
    void fail(Supplier<String> why) {
        events.add(() -> {
            stopRanks.run();
            conclude(why.get());
        });
    }

    void fail(String why) {
        fail(() -> why);
    }

    @Override
    public void cancel() {
        fail("the job was cancelled");
    }

    @Override
    public void await() throws InterruptedException {
        finished.await();
        throwIfFailed();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        throwIfFailed();
        return true;
    }

    private void takeEvents() {
        try {
            while (!decided) {
                events.take().run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void conclude(String failureOrNull) {
        failure = failureOrNull;
        decided = true;
        finished.countDown();
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new RankJobException(failure);
        }
    }
}
