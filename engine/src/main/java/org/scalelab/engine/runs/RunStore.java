package org.scalelab.engine.runs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalelab.engine.io.AtomicFile;
import org.scalelab.engine.runs.RecordFormat.UnreadableRecord;

/**
 * Run records in one directory, two files per run named by its id:
 * <ul>
 *   <li>{@code <runId>.events.jsonl}, the event log: every event as it came, one JSON line each, only ever
 *       appended to ({@link EventLog});</li>
 *   <li>{@code <runId>.json}, the summary: name, tags, status, configuration, environment and results, small
 *       whatever the run's length, and replaced whole.</li>
 * </ul>
 * A summary is written only once the events it reflects are on disk, so it is never ahead of the log. Records
 * of schema 1 are a single {@code <runId>.json} holding the events too: they are read as they are and become
 * two files the first time they are changed.
 *
 * <p>A summary is replaced whole ({@link AtomicFile}): a reader, a crash or a full disk sees the old file or the
 * new one, never half of one.
 * Listing never fails because of one bad file: it reports the file instead.
 */
public final class RunStore {
    private static final String SUFFIX = RecordFiles.SUMMARY_SUFFIX;
    private static final String LOG_SUFFIX = RecordFiles.LOG_SUFFIX;
    private static final String CHECKPOINT_SUFFIX = ".checkpoint";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    /**
     * By start, then by id: ids begin with the start to the second, but two runs started within one second (a
     * study's cells, a script) are told apart by their random ends.
     */
    private static final Comparator<RunRecord> NEWEST_FIRST = Comparator.comparing(RunRecord::startedAt,
            Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder()))
            .thenComparing(Comparator.comparing(RunRecord::runId).reversed());

    private final Path directory;
    private final Disk disk;

    public RunStore(Path directory) {
        this(directory, new DurableDisk());
    }

    /** @param disk writes the files' bytes; tests count them or inject faults here */
    RunStore(Path directory, Disk disk) {
        this.directory = directory;
        this.disk = disk;
    }

    public Path directory() {
        return directory;
    }

    /** The run's summary file (a schema-1 record's only file): the one to name to people. */
    public Path pathOf(String runId) {
        return directory.resolve(checked(runId) + SUFFIX);
    }

    /** The run's event log. */
    public Path eventLogOf(String runId) {
        return directory.resolve(checked(runId) + LOG_SUFFIX);
    }

    /**
     * The run's checkpoint ({@code --checkpoint-every}), beside its record: named like neither of the record's
     * files, so listings pass it by.
     */
    public Path checkpointOf(String runId) {
        return directory.resolve(checked(runId) + CHECKPOINT_SUFFIX);
    }

    /** The files the run's record is made of, for copying it elsewhere. */
    public List<Path> filesOf(String runId) {
        return Stream.of(pathOf(runId), eventLogOf(runId)).filter(Files::exists).toList();
    }

    /**
     * Saves the whole record, events and summary, replacing an earlier save of the same run.
     *
     * @return the record's summary file
     * @throws RunStoreException when it cannot be written (disk full, no permission); the files as they were
     *                           before, if any, are left intact
     */
    public Path save(RunRecord record) {
        createDirectory(record.runId());
        replace(record.runId(), eventLogOf(record.runId()), EventLog.bytesOf(record.events()));
        return saveSummary(record);
    }

    /** Replaces the run's summary file with the record's summary, leaving its event log as it is. */
    Path saveSummary(RunRecord record) {
        createDirectory(record.runId());
        Path target = pathOf(record.runId());
        replace(record.runId(), target, RecordFormat.summaryBytes(record));
        return target;
    }

    /**
     * Finds out, before a run starts, whether its record could be saved here: creates the directory and writes,
     * forces and deletes a small hidden file. A run that found out only at its end would lose its record.
     *
     * @return why records cannot be saved here, in a few words (permission denied, read-only file system, no space
     *         left on device); empty when they can
     */
    public Optional<String> whyUnwritable() {
        Path probe = directory.resolve(".probe-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            disk.writeNew(probe, new byte[4096]);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(reason(e));
        } finally {
            deleteQuietly(probe);
        }
    }

    /** Space kept back while a run goes, for saving how it ended should the disk fill ({@link SpaceReserve}). */
    SpaceReserve reserveSpace(String runId) {
        return SpaceReserve.claim(directory, checked(runId));
    }

    /** A log that the run's events can be appended to, empty until the first write. */
    EventLog newEventLog(String runId) {
        return new EventLog(disk, eventLogOf(runId));
    }

    /**
     * The log of a run that goes on (resumed), appending to the events it has. A record of schema 1 is first
     * rewritten as two files, its events moving to a log.
     *
     * @throws RunStoreException when the log cannot be read or the record rewritten
     */
    EventLog eventLogGoingOn(RunRecord earlier) {
        if (earlier.schemaVersion() < RunRecord.SCHEMA_VERSION) {
            save(earlier);
        }
        try {
            return EventLog.appendingTo(disk, eventLogOf(earlier.runId()));
        } catch (IOException e) {
            throw new RunStoreException("cannot read the events of run " + earlier.runId() + ": " + reason(e), e);
        }
    }

    /** @throws RunStoreException when there is no such run or its files cannot be read */
    public RunRecord load(String runId) {
        if (!Files.exists(pathOf(runId)) && !Files.exists(eventLogOf(runId))) {
            throw new RunStoreException("no run " + runId + " in " + directory);
        }
        RunRecord record;
        try {
            record = read(runId);
        } catch (UnreadableRecord e) {
            throw new RunStoreException(e.getMessage(), e.getCause());
        }
        if (!record.runId().equals(runId)) {
            throw new RunStoreException(misnamed(runId, record.runId(), isRunId(record.runId())
                    && Files.isRegularFile(pathOf(record.runId()))));
        }
        return record;
    }

    /**
     * Every readable record, newest first ({@link #NEWEST_FIRST}), and a line for each file named like a record
     * that is not one: damaged, a directory, a link to nowhere, a second copy of a run, a record whose id is not
     * its file's name.
     */
    public RunListing list() {
        if (!Files.isDirectory(directory)) {
            return new RunListing(List.of(), List.of());
        }
        List<RunRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            RecordFiles files = RecordFiles.in(directory);
            problems.addAll(files.problems());
            for (String runId : files.runIds()) {
                try {
                    RunRecord record = read(runId);
                    if (record.runId().equals(runId)) {
                        records.add(record);
                    } else {
                        problems.add(misnamed(runId, record.runId(), files.runIds().contains(record.runId())));
                    }
                } catch (UnreadableRecord e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(directory + ": cannot list: " + reason(e));
        }
        records.sort(NEWEST_FIRST);
        return new RunListing(records, problems);
    }

    /**
     * Deletes the log first: a crash part way then leaves a summary without events, rather than a log that
     * would list again as a run with no name.
     *
     * @return whether there was such a run
     */
    public boolean delete(String runId) {
        try {
            Files.deleteIfExists(checkpointOf(runId));
            boolean hadLog = Files.deleteIfExists(eventLogOf(runId));
            return Files.deleteIfExists(pathOf(runId)) || hadLog;
        } catch (IOException e) {
            throw new RunStoreException("cannot delete run " + runId + ": " + reason(e), e);
        }
    }

    /** Gives the run a new display name; its id, and so its files, stay. */
    public RunRecord rename(String runId, String name) {
        return change(load(runId).withName(name));
    }

    /** Replaces the run's tags. */
    public RunRecord setTags(String runId, Set<String> tags) {
        return change(load(runId).withTags(tags));
    }

    /** Rewrites only the summary, unless the record is of schema 1 and its events must move to a log first. */
    private RunRecord change(RunRecord changed) {
        if (changed.schemaVersion() < RunRecord.SCHEMA_VERSION) {
            save(changed);
        } else {
            saveSummary(changed);
        }
        return changed;
    }

    /** The record as it stands now: interrupted if its process is gone ({@link RunRecord#withOwnerChecked}). */
    private RunRecord read(String runId) throws UnreadableRecord {
        return RecordFormat.read(runId, pathOf(runId), eventLogOf(runId)).withOwnerChecked();
    }

    /**
     * Why the record in {@code runId}'s files is not listed under another id: copied by hand, or renamed. Listed
     * as it is, it would be a run that cannot be opened by its id, or one run counted twice.
     */
    private static String misnamed(String runId, String heldRunId, boolean runHasItsOwnFile) {
        if (!isRunId(heldRunId)) {
            return runId + SUFFIX + ": damaged run record (its run id '" + heldRunId + "' is not one)";
        }
        return runId + SUFFIX + ": " + (runHasItsOwnFile
                ? "a second copy of run " + heldRunId + " (whose own file is " + heldRunId + SUFFIX + "); delete it"
                : "holds run " + heldRunId + " but is named " + runId + "; rename its files to " + heldRunId + SUFFIX
                        + " and " + heldRunId + LOG_SUFFIX + " to list it");
    }

    private void createDirectory(String runId) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new RunStoreException("cannot save run " + runId + " in " + directory + ": " + reason(e), e);
        }
    }

    private void replace(String runId, Path target, byte[] bytes) {
        try {
            AtomicFile.replace(target, newFile -> disk.writeNew(newFile, bytes));
        } catch (IOException e) {
            throw new RunStoreException("cannot save run " + runId + " to " + target + ": " + reason(e)
                    + (Files.exists(target) ? "; the previously saved record is unchanged" : ""), e);
        }
    }

    private static boolean isRunId(String text) {
        return SAFE_ID.matcher(text).matches();
    }

    private static String checked(String runId) {
        if (!isRunId(runId)) {
            throw new RunStoreException("'" + runId + "' is not a run id (letters, digits, '.', '_' and '-' only)");
        }
        return runId;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing more to do: a stray hidden file is skipped by list().
        }
    }

    /** The cause of an I/O failure in a few words, for the end of a message that names the file. */
    static String reason(IOException e) {
        // Spelt as the system spells the others ("No space left on device", "Read-only file system").
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
