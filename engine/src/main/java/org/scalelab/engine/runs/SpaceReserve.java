package org.scalelab.engine.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disk space a running run keeps back in its record's directory: a hidden file of {@link #BYTES} zeros. When the
 * disk fills and a save fails, the run gives the space back and stops, so that its last events and its summary
 * saying that it failed, and why, can still be written. A process killed before it gave its reserve back leaves
 * the file; the next run's claim removes it.
 */
final class SpaceReserve {
    /** Room for a batch of step events ({@link EventLog#BATCH_BYTES}), the last events and a new summary file. */
    static final int BYTES = 256 * 1024;
    private static final Pattern NAME = Pattern.compile("\\.reserve-(\\d+)-.*");

    private final Path file;

    private SpaceReserve(Path file) {
        this.file = file;
    }

    /**
     * Keeps {@link #BYTES} for the run, best effort: a directory that cannot hold it now will fail the run's first
     * save anyway, which says why.
     */
    static SpaceReserve claim(Path directory, String runId) {
        sweepLeftovers(directory);
        Path file = directory.resolve(".reserve-" + ProcessHandle.current().pid() + "-" + runId);
        try {
            Files.createDirectories(directory);
            // Written, not just sized: a sparse file would keep nothing back.
            Files.write(file, new byte[BYTES]);
        } catch (IOException e) {
            deleteQuietly(file);
        }
        return new SpaceReserve(file);
    }

    /** Gives the space back; done at the end of the run, or when a save fails for want of it. */
    void release() {
        deleteQuietly(file);
    }

    /** Removes the reserves of processes that are gone: killed runs did not give theirs back. */
    private static void sweepLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> reserves = Files.newDirectoryStream(directory, ".reserve-*")) {
            for (Path reserve : reserves) {
                Matcher name = NAME.matcher(reserve.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    deleteQuietly(reserve);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: a leftover reserve only takes space.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing more to do; the next claim in this directory tries again.
        }
    }
}
