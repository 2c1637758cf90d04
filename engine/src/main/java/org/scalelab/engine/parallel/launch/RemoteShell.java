package org.scalelab.engine.parallel.launch;

import java.util.List;

/** How ranks, and anything else a job starts on another host, get there. */
public final class RemoteShell {
    /** Replaces ssh, e.g. with a script that enters a network namespace (engine/mpj/emulated-cluster writes one). */
    public static final String VARIABLE = "SCALELAB_REMOTE_SHELL";

    private RemoteShell() {
    }

    /**
     * {@code $SCALELAB_REMOTE_SHELL} (words separated by spaces, followed by the host and the rank's command line as
     * one word), else ssh that never asks for a password.
     */
    public static List<String> fromEnvironment() {
        String custom = System.getenv(VARIABLE);
        return custom == null || custom.isBlank() ? List.of("ssh", "-o", "BatchMode=yes") : List.of(custom.trim().split("\\s+"));
    }
}
