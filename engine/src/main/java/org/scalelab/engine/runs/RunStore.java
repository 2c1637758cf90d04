package org.scalelab.engine.runs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalelab.engine.events.Json;

/**
 * Run records in one directory, one {@code <runId>.json} file each.
 *
 * <p>Saving writes a temporary file next to the target, forces it to disk and renames it over the target
 * atomically: a reader, a crash or a full disk sees the old record or the new one, never half of one.
 * Listing never fails because of one bad file: it reports the file instead.
 */
public final class RunStore {
    private static final String SUFFIX = ".json";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final ObjectMapper MAPPER = Json.mapper();

    private final Path directory;
    private final FileContent fileContent;

    public RunStore(Path directory) {
        this(directory, RunStore::writeAndForce);
    }

    /** @param fileContent writes the bytes of a new file; tests inject faults here */
    RunStore(Path directory, FileContent fileContent) {
        this.directory = directory;
        this.fileContent = fileContent;
    }

    /** Writes a new file's bytes, durably. */
    @FunctionalInterface
    interface FileContent {
        void write(Path file, byte[] bytes) throws IOException;
    }

    /** {@code $SCALELAB_HOME/runs}, else {@code ~/.local/share/scalelab/runs}. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDirectory(Map<String, String> environment, String userHome) {
        String home = environment.get("SCALELAB_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "runs");
        }
        return Path.of(userHome, ".local", "share", "scalelab", "runs");
    }

    public Path directory() {
        return directory;
    }

    public Path pathOf(String runId) {
        if (!SAFE_ID.matcher(runId).matches()) {
            throw new RunStoreException("'" + runId + "' is not a run id (letters, digits, '.', '_' and '-' only)");
        }
        return directory.resolve(runId + SUFFIX);
    }

    /**
     * Saves the record atomically, replacing an earlier save of the same run.
     *
     * @return the record's file
     * @throws RunStoreException when it cannot be written (disk full, no permission); the file as it was
     *                           before, if any, is left intact
     */
    public Path save(RunRecord record) {
        Path target = pathOf(record.runId());
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // Named here rather than by createTempFile, which would make the record readable by its owner only.
            temp = directory.resolve("." + record.runId() + "-" + UUID.randomUUID() + ".tmp");
            fileContent.write(temp, MAPPER.writeValueAsBytes(record));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            return target;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new RunStoreException("cannot save run " + record.runId() + " to " + target + ": " + reason(e)
                    + (Files.exists(target) ? "; the previously saved record is unchanged" : ""), e);
        }
    }

    /** @throws RunStoreException when there is no such run or its file cannot be read */
    public RunRecord load(String runId) {
        Path file = pathOf(runId);
        if (!Files.exists(file)) {
            throw new RunStoreException("no run " + runId + " in " + directory);
        }
        try {
            return read(file);
        } catch (UnreadableRecord e) {
            throw new RunStoreException(e.getMessage(), e.getCause());
        }
    }

    /** Every readable record, newest first, and a line for each {@code .json} file that is not one. */
    public RunListing list() {
        if (!Files.isDirectory(directory)) {
            return new RunListing(List.of(), List.of());
        }
        List<RunRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(RunStore::isRecordFile).sorted().toList()) {
                try {
                    records.add(read(file));
                } catch (UnreadableRecord e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(directory + ": cannot list: " + reason(e));
        }
        records.sort(Comparator.comparing(RunRecord::runId).reversed());
        return new RunListing(records, problems);
    }

    /** @return whether there was such a run */
    public boolean delete(String runId) {
        try {
            return Files.deleteIfExists(pathOf(runId));
        } catch (IOException e) {
            throw new RunStoreException("cannot delete run " + runId + ": " + reason(e), e);
        }
    }

    /** Gives the run a new display name; its id, and so its file, stay. */
    public RunRecord rename(String runId, String name) {
        RunRecord renamed = load(runId).withName(name);
        save(renamed);
        return renamed;
    }

    /** Replaces the run's tags. */
    public RunRecord setTags(String runId, Set<String> tags) {
        RunRecord tagged = load(runId).withTags(tags);
        save(tagged);
        return tagged;
    }

    private static boolean isRecordFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static RunRecord read(Path file) throws UnreadableRecord {
        String name = file.getFileName().toString();
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new UnreadableRecord(name + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UnreadableRecord(name + ": cannot read (" + reason(e) + ")", e);
        }
        if (tree == null || !tree.path("schemaVersion").canConvertToInt() || !tree.path("runId").isTextual()) {
            throw new UnreadableRecord(name + ": not a ScaleLab run record", null);
        }
        int version = tree.get("schemaVersion").asInt();
        if (version > RunRecord.SCHEMA_VERSION) {
            throw new UnreadableRecord(name + ": written by a newer ScaleLab (schema " + version
                    + "; this version reads up to " + RunRecord.SCHEMA_VERSION + ")", null);
        }
        try {
            return MAPPER.treeToValue(tree, RunRecord.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableRecord(name + ": damaged run record (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
    }

    private static void writeAndForce(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes the rename itself durable. Not every file system lets a directory be opened; then it is skipped. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Best effort: the record itself is already on disk.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Nothing more to do: a stray hidden .tmp file is skipped by list().
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A file that is not a record this version can read; the message says which file and why. */
    private static final class UnreadableRecord extends Exception {
        UnreadableRecord(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
