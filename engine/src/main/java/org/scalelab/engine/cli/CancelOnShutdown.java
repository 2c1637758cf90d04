package org.scalelab.engine.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C into a cancellation request: the JVM runs shutdown hooks on SIGINT, and this hook raises the
 * flag the download polls, then holds the exit until the download has removed its partial file.
 */
final class CancelOnShutdown implements BooleanSupplier, AutoCloseable {

    /** Long enough for a download to notice (it polls every 100 ms) and clean up; short enough not to hang. */
    private static final long CLEANUP_SECONDS = 5;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "cancel-download");

    CancelOnShutdown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled.get();
    }

    private void cancelAndWait() {
        cancelled.set(true);
        try {
            finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it has just been released by the countdown above.
        }
    }
}
