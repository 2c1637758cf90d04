package org.scalelab.engine.runs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;

/**
 * A record's files, both ways. The summary file is the record's JSON without its events, which the event log
 * holds; a schema-1 file is the whole record, events included, and is read as it is.
 *
 * <p>Reading trusts the log over the summary wherever the summary can be behind: a summary that says running is
 * replaced by what the log says (a crash can fall between writing the log and the summary), and a summary that
 * cannot be read at all, or is missing, gives way to the log alone, with the run's id as its name and no tags.
 */
final class RecordFormat {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final String EVENTS = "events";
    private static final String SCHEMA_VERSION = "schemaVersion";

    private RecordFormat() {
    }

    static byte[] summaryBytes(RunRecord record) {
        ObjectNode tree = MAPPER.valueToTree(record);
        tree.put(SCHEMA_VERSION, RunRecord.SCHEMA_VERSION);
        tree.remove(EVENTS);
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a record's tree is always writable", e);
        }
    }

    /**
     * @param summary the run's summary file, or its schema-1 record; need not exist when the log does
     * @param log     the run's event log; need not exist
     */
    static RunRecord read(String runId, Path summary, Path log) throws UnreadableRecord {
        if (!Files.isRegularFile(summary)) {
            return fromLog(runId, log);
        }
        String name = summary.getFileName().toString();
        JsonNode tree;
        try {
            tree = MAPPER.readTree(summary.toFile());
        } catch (JacksonException e) {
            if (Files.isRegularFile(log)) {
                return fromLog(runId, log);
            }
            throw new UnreadableRecord(name + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UnreadableRecord(name + ": cannot read (" + RunStore.reason(e) + ")", e);
        }
        if (tree == null || !tree.path(SCHEMA_VERSION).canConvertToInt() || !tree.path("runId").isTextual()) {
            if (Files.isRegularFile(log)) {
                return fromLog(runId, log);
            }
            throw new UnreadableRecord(name + ": not a ScaleLab run record", null);
        }
        int version = tree.get(SCHEMA_VERSION).asInt();
        if (version > RunRecord.SCHEMA_VERSION) {
            throw new UnreadableRecord(name + ": written by a newer ScaleLab (schema " + version
                    + "; this version reads up to " + RunRecord.SCHEMA_VERSION + ")", null);
        }
        RunRecord record;
        try {
            record = MAPPER.treeToValue(tree, RunRecord.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw damaged(name, e);
        }
        if (record.status() == null || record.config() == null || record.summary() == null) {
            // Valid JSON that lost a field (a damaged name, say) is no whole record either.
            if (version > 1 && Files.isRegularFile(log)) {
                return fromLog(runId, log);
            }
            throw new UnreadableRecord(name + ": damaged run record (no status, configuration or summary)", null);
        }
        return version == 1 ? record : withLog(record, log);
    }

    private static RunRecord withLog(RunRecord summary, Path log) throws UnreadableRecord {
        if (!Files.isRegularFile(log)) {
            return summary;
        }
        List<RunEvent> events = events(log);
        RunSoFar run = RunSoFar.of(events);
        boolean logIsAhead = summary.status() == RunStatus.RUNNING && run.started() != null;
        RunSummary outcome = logIsAhead ? run.summary() : summary.summary();
        return new RunRecord(summary.schemaVersion(), summary.runId(), summary.name(), summary.tags(),
                outcome.status(), summary.owner(), summary.config(), summary.environment(), events, outcome);
    }

    private static RunRecord fromLog(String runId, Path log) throws UnreadableRecord {
        List<RunEvent> events = events(log);
        RunSoFar run = RunSoFar.of(events);
        RunStarted started = run.started();
        if (started == null) {
            throw new UnreadableRecord(log.getFileName() + ": holds no complete event; the run stopped as it began",
                    null);
        }
        RunSummary summary = run.summary();
        return new RunRecord(RunRecord.SCHEMA_VERSION, runId, runId, Set.of(), summary.status(), null,
                started.config(), started.environment(), events, summary);
    }

    private static List<RunEvent> events(Path log) throws UnreadableRecord {
        if (Files.exists(log) && !Files.isRegularFile(log)) {
            // A pipe would block the reader for ever; a directory cannot be read.
            throw new UnreadableRecord(log.getFileName() + ": not a regular file, so not a run's events", null);
        }
        try {
            return EventLog.read(log);
        } catch (IOException e) {
            throw new UnreadableRecord(log.getFileName() + ": cannot read (" + RunStore.reason(e) + ")", e);
        } catch (IllegalArgumentException e) {
            throw damaged(log.getFileName().toString(), e);
        }
    }

    private static UnreadableRecord damaged(String name, Exception e) {
        return new UnreadableRecord(name + ": damaged run record (" + e.getMessage().lines().findFirst().orElse("")
                + ")", e);
    }

    /** A file that is not a record this version can read; the message says which file and why. */
    static final class UnreadableRecord extends Exception {
        UnreadableRecord(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
