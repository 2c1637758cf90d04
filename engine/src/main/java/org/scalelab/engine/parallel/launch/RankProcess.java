package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One rank's child process: its standard output delivered line by line to the job's listener, the end of its
 * standard error kept to explain a failure. Its standard input stays open and unused: when this JVM dies, the
 * pipe closes and the rank stops itself (see {@link ParentWatch#EXIT_PARENT_GONE}).
 */
final class RankProcess {
    private static final int KEPT_ERROR_LINES = 40;
    private static final long OUTPUT_DRAIN_MILLIS = 1000;
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL",
            11, "SIGSEGV", 15, "SIGTERM");

    private final int rank;
    private final Process process;
    private final Thread outputReader;
    private final Thread errorReader;
    private final Deque<String> errorTail = new ArrayDeque<>();

    /**
     * @param listenerFailed told when the listener threw on a line (the remaining output is still drained, so
     *                       the rank never blocks on a full pipe)
     */
    RankProcess(int rank, ProcessBuilder builder, RankOutputListener listener, Consumer<RuntimeException> listenerFailed)
            throws IOException {
        this.rank = rank;
        this.process = builder.start();
        this.outputReader = ChildJvm.readLines(process.getInputStream(), "rank-" + rank + "-stdout", line -> {
            try {
                listener.line(rank, line);
            } catch (RuntimeException e) {
                listenerFailed.accept(e);
            }
        });
        this.errorReader = ChildJvm.readErrorLines(process, "rank-" + rank + "-stderr", this::keepErrorLine);
    }

    Process process() {
        return process;
    }

    /** Waits (bounded) until everything the rank wrote has been read: call once it has exited. */
    void drainOutput() {
        try {
            outputReader.join(OUTPUT_DRAIN_MILLIS);
            errorReader.join(OUTPUT_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "rank 2 (pid 4711) exited with status 137 (killed by SIGKILL)", plus why, when the rank said so. */
    String describeExit(int status) {
        drainOutput();
        StringBuilder text = new StringBuilder("rank " + rank + " (pid " + process.pid() + ") exited with status " + status);
        if (status > 128 && status < 128 + 32) {
            text.append(" (killed by ").append(SIGNALS.getOrDefault(status - 128, "signal " + (status - 128))).append(')');
        } else if (status == ParentWatch.EXIT_PARENT_GONE) {
            text.append(" (it lost its connection to the launcher)");
        }
        String reason = failureReason();
        if (!reason.isEmpty()) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }

    /** The rank's own explanation if it gave one, else the last lines of its standard error (a JVM that failed to start). */
    private String failureReason() {
        synchronized (errorTail) {
            for (String line : (Iterable<String>) errorTail::descendingIterator) {
                if (line.startsWith(RankProtocol.FAILURE_PREFIX)) {
                    return line.substring(RankProtocol.FAILURE_PREFIX.length());
                }
            }
            return String.join("\n", errorTail).strip();
        }
    }

    private void keepErrorLine(String line) {
        synchronized (errorTail) {
            if (errorTail.size() == KEPT_ERROR_LINES) {
                errorTail.removeFirst();
            }
            errorTail.addLast(line);
        }
    }
}
