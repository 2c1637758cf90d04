package org.scalelab.engine.parallel.mpj;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A niodev rank's standard output, written in batches: lines collect in a buffer that a daemon thread flushes
 * every {@link #INTERVAL_MILLIS} ms when it holds any, and {@link #flush} empties it at the end. Every write to
 * the pipe wakes the application, which then takes a core from the ranks; rank 0 reporting every step lost
 * about a millisecond per step to those wake-ups, and the other ranks waited for it at the next allreduce.
 */
final class BatchedLines implements Consumer<String> {
    static final long INTERVAL_MILLIS = 50;

    private final Writer out;
    private boolean pending;

    /** Standard output, flushed by a daemon thread from now on. */
    static BatchedLines standardOutput() {
        return flushedPeriodically(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    }

    /** Lines into {@code out}, which a daemon thread flushes from now on. */
    static BatchedLines flushedPeriodically(Writer out) {
        BatchedLines lines = new BatchedLines(out);
        Thread flusher = new Thread(lines::flushPeriodically, "output-flusher");
        flusher.setDaemon(true);
        flusher.start();
        return lines;
    }

    BatchedLines(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(String line) {
        try {
            out.write(line);
            out.write('\n');
            pending = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the application", e);
        }
    }

    synchronized void flush() {
        if (!pending) {
            return;
        }
        try {
            out.flush();
            pending = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the application", e);
        }
    }

    private void flushPeriodically() {
        try {
            while (true) {
                Thread.sleep(INTERVAL_MILLIS);
                flush();
            }
        } catch (InterruptedException | UncheckedIOException e) {
            // The rank is ending, or its parent is gone (the watchdog halts the rank then).
        }
    }
}
