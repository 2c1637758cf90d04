package org.scalelab.engine.strategies;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The rank's side of {@link RankWatch}: a daemon thread that sends a {@link RankHeartbeat} at once and then at
 * every interval until closed. A stopped process (SIGSTOP), a crashed machine or a cut connection therefore
 * falls silent, and a rank stuck in a collective keeps beating with a progress count that no longer moves.
 */
final class HeartbeatSender implements AutoCloseable {
    private final AtomicLong step = new AtomicLong();
    private final AtomicLong progress = new AtomicLong();
    private final Thread thread;

    /** @param output the rank's event stream; called from the heartbeat thread */
    HeartbeatSender(Duration interval, Consumer<String> output) {
        this.thread = new Thread(() -> beat(interval, output), "rank-heartbeat");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes a completed step of this rank. */
    void stepped(long globalStep) {
        step.set(globalStep);
    }

    /**
     * Notes that a training thread checked in. Shaped as a cancellation signal (it never cancels): the rank's
     * training threads poll their cancellation token before every step and every evaluation batch, which is
     * exactly when they make progress.
     */
    boolean checkIn() {
        progress.incrementAndGet();
        return false;
    }

    private void beat(Duration interval, Consumer<String> output) {
        try {
            while (true) {
                output.accept(new RankHeartbeat(step.get(), progress.get()).toLine());
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            // Closed: the rank is done.
        } catch (RuntimeException e) {
            // The event stream is gone, so is the parent: the rank's own watchdog ends it.
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
