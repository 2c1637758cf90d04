package org.scalelab.app.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * The two places work runs: slow work (training, downloads, file reading) on a background thread, and
 * anything that touches view-model state on the UI thread. View models take both as parameters, so tests
 * can run everything on the calling thread without a screen.
 */
public record Threads(Executor background, Executor ui) {

    /** Daemon background threads, so an unfinished download never keeps the application alive. */
    public static Threads javafx() {
        ExecutorService background = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "scalelab-background");
            thread.setDaemon(true);
            return thread;
        });
        return new Threads(background, Platform::runLater);
    }

    /** Everything on the calling thread: for view-model tests. */
    public static Threads direct() {
        return new Threads(Runnable::run, Runnable::run);
    }
}
