package org.scalelab.engine.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real disk with every write noted, for tests to count, and the writes {@code failing} picks cut to half
 * their bytes and failed as a full disk fails them.
 */
final class WatchedDisk implements Disk {
    /** @param whole true for a new file written whole, false for lines added to a log */
    record Write(Path file, byte[] bytes, boolean whole) {
        /** Whether it is a summary, written to a temporary file that is then renamed to {@code <runId>.json}. */
        boolean summary() {
            return whole && file.getFileName().toString().matches("\\..*\\.json-.*\\.tmp");
        }
    }

    private final Disk real = new DurableDisk();
    private final Predicate<Write> failing;
    private final List<Write> writes = new ArrayList<>();

    WatchedDisk() {
        this(write -> false);
    }

    WatchedDisk(Predicate<Write> failing) {
        this.failing = failing;
    }

    @Override
    public void writeNew(Path file, byte[] bytes) throws IOException {
        Write write = note(new Write(file, bytes, true));
        if (failing.test(write)) {
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            throw new IOException("No space left on device");
        }
        real.writeNew(file, bytes);
    }

    @Override
    public void writeAt(Path file, long at, byte[] bytes) throws IOException {
        Write write = note(new Write(file, bytes, false));
        if (failing.test(write)) {
            real.writeAt(file, at, Arrays.copyOf(bytes, bytes.length / 2));
            throw new IOException("No space left on device");
        }
        real.writeAt(file, at, bytes);
    }

    /** Every write so far, in order; the recorder's thread adds to them, so read them after the run ended. */
    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    private synchronized Write note(Write write) {
        writes.add(write);
        return write;
    }
}
