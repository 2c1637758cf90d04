package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.io.InputStream;

/**
 * The child side of {@link ChildJvm}: a child whose parent dies would otherwise run on, orphaned and burning
 * CPU. The parent holds the child's standard input open while it lives; when it closes (the parent ended or
 * was killed), the child halts.
 */
public final class ParentWatch {
    private ParentWatch() {
    }

    /** Starts a daemon thread that halts this JVM when standard input reaches its end. */
    public static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            drain(System.in);
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent has nothing to say; only the end of the stream matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone, the same as the end of the stream.
        }
    }
}
