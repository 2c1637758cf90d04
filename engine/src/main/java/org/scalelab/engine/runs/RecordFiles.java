package org.scalelab.engine.runs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a run directory holds, by file name: the runs that have a summary or an event log there, and a line for
 * each entry named like a record that no record can be read from — a directory, a symbolic link to nowhere or
 * to itself, a pipe (which would block whoever reads it). Hidden files are the store's own (files being
 * replaced, space kept in reserve) and are not looked at.
 *
 * @param runIds   in file-name order
 * @param problems e.g. {@code "old.json: a symbolic link to /mnt/usb/old.json, which does not exist"}
 */
record RecordFiles(Set<String> runIds, List<String> problems) {
    static final String SUMMARY_SUFFIX = ".json";
    static final String LOG_SUFFIX = ".events.jsonl";

    static RecordFiles in(Path directory) throws IOException {
        Set<String> runIds = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> listed = Files.list(directory)) {
            entries = listed.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String runId = runIdOf(name);
            if (runId == null || name.startsWith(".")) {
                continue;
            }
            if (Files.isRegularFile(entry)) {
                runIds.add(runId);
            } else {
                problems.add(name + ": " + whyNotARecord(entry));
            }
        }
        return new RecordFiles(runIds, problems);
    }

    /** The run a file's name says it belongs to, or null when it is named like neither file of a record. */
    static String runIdOf(String fileName) {
        if (fileName.endsWith(LOG_SUFFIX)) {
            return fileName.substring(0, fileName.length() - LOG_SUFFIX.length());
        }
        if (fileName.endsWith(SUMMARY_SUFFIX)) {
            return fileName.substring(0, fileName.length() - SUMMARY_SUFFIX.length());
        }
        return null;
    }

    private static String whyNotARecord(Path entry) {
        if (Files.isDirectory(entry)) {
            return "a directory, not a run record";
        }
        if (!Files.isSymbolicLink(entry)) {
            return "not a regular file (a pipe, socket or device), so not a run record";
        }
        try {
            entry.toRealPath();
            return "a symbolic link to something that is not a file";
        } catch (NoSuchFileException e) {
            return "a symbolic link to " + target(entry) + ", which does not exist";
        } catch (FileSystemException e) {
            // Linux says ELOOP, "Too many levels of symbolic links", for a link that leads back to itself.
            return e.getReason() != null && e.getReason().contains("levels of symbolic links")
                    ? "a symbolic link that leads back to itself (a loop)"
                    : "a symbolic link that cannot be followed (" + RunStore.reason(e) + ")";
        } catch (IOException e) {
            return "a symbolic link that cannot be followed (" + RunStore.reason(e) + ")";
        }
    }

    private static String target(Path link) {
        try {
            return link.resolveSibling(Files.readSymbolicLink(link)).toString();
        } catch (IOException e) {
            return "a file";
        }
    }
}
