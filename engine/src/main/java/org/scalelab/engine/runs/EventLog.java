package org.scalelab.engine.runs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.events.EventJson;
import org.scalelab.engine.events.RunEvent;

/**
 * A run's events as a file of JSON lines ({@link EventJson}), appended in batches: each write adds only the
 * lines since the last one, so the bytes written per epoch do not grow with the epochs before it. A crash can
 * cut the last line short; reading stops at the last complete line.
 */
final class EventLog {
    /** Lines are kept back until an epoch ends or this many bytes wait, so a long epoch cannot fill the memory. */
    static final int BATCH_BYTES = 64 * 1024;

    private final Disk disk;
    private final Path file;
    private final ByteArrayOutputStream waiting = new ByteArrayOutputStream();
    private long written;

    /** Starts the log empty, replacing any earlier file at that path with the first write. */
    EventLog(Disk disk, Path file) {
        this(disk, file, 0);
    }

    /** @param written bytes of the file to keep: the lines already there, which the first write appends to */
    private EventLog(Disk disk, Path file, long written) {
        this.disk = disk;
        this.file = file;
        this.written = written;
    }

    /**
     * A log that goes on after the complete lines of an existing file (a resumed run's); a torn last line is
     * dropped by the first write.
     */
    static EventLog appendingTo(Disk disk, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return new EventLog(disk, file, end);
    }

    void add(RunEvent event) {
        waiting.writeBytes(line(event));
    }

    boolean batchFull() {
        return waiting.size() >= BATCH_BYTES;
    }

    /**
     * Puts the waiting lines on disk after the ones already there. When it fails they stay waiting for the next
     * write, which also drops any part of them that reached the file, so the log never has a gap or a torn line
     * in its middle.
     *
     * @throws RunStoreException naming the file and the cause
     */
    void write() {
        if (waiting.size() == 0) {
            return;
        }
        byte[] bytes = waiting.toByteArray();
        try {
            Files.createDirectories(file.getParent());
            disk.writeAt(file, written, bytes);
        } catch (IOException e) {
            throw new RunStoreException("cannot save the run's events to " + file + ": " + RunStore.reason(e), e);
        }
        written += bytes.length;
        waiting.reset();
    }

    /** Every event as one line, for writing a whole record at once. */
    static byte[] bytesOf(List<RunEvent> events) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        events.forEach(event -> all.writeBytes(line(event)));
        return all.toByteArray();
    }

    /**
     * The events up to the last complete line; what follows it was being written when the run stopped.
     *
     * @throws IllegalArgumentException when a complete line is not an event, naming the line
     */
    static List<RunEvent> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        // Decoded only up to the last line break: a cut can also split a character of several bytes.
        List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
        List<RunEvent> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                events.add(EventJson.fromLine(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return events;
    }

    private static byte[] line(RunEvent event) {
        return (EventJson.toLine(event) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
