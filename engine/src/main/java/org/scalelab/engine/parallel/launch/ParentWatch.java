package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.io.InputStream;

/**
 * The child side of {@link ChildJvm} and of a niodev rank ({@link RankProcess}): a child whose parent dies would
 * otherwise run on, orphaned and burning CPU, or block for ever in a collective. The parent holds the child's
 * standard input open and never writes to it; when it closes (the parent ended, or was killed even by SIGKILL,
 * which it cannot catch), the child halts.
 */
public final class ParentWatch {
    /** The exit status of a child that halted because its parent was gone. */
    public static final int EXIT_PARENT_GONE = 3;

    private ParentWatch() {
    }

    /**
     * Starts a daemon thread that halts this JVM with {@link #EXIT_PARENT_GONE} when standard input reaches its
     * end. {@code halt}, not {@code exit}: nothing of an orphaned child is worth finishing.
     */
    public static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            drain(System.in);
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
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
