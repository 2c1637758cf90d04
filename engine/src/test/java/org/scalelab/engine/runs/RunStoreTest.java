package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsARecordUnchanged() {
        RunStore store = new RunStore(dir.resolve("runs"));
        RunRecord record = RunRecords.finished("20250601-153012-tiny-a1b2");
        Path file = store.save(record);
        assertEquals(dir.resolve("runs/20250601-153012-tiny-a1b2.json"), file);
        assertEquals(record, store.load(record.runId()));
    }

    @Test
    void keepsASummaryAndAnEventLogPerRunAndNoTemporaryFiles() throws IOException {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.finished("a"));
        store.save(RunRecords.finished("a"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("a.events.jsonl", "a.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(dir.resolve("a.json"), dir.resolve("a.events.jsonl")), store.filesOf("a"));
        assertEquals(RunRecords.finished("a").events().size(), Files.readAllLines(store.eventLogOf("a")).size());
        assertFalse(Files.readString(store.pathOf("a")).contains("stepCompleted"), "the summary holds no events");
    }

    @Test
    void renamingAndTaggingRewriteOnlyTheSummary() throws IOException {
        WatchedDisk disk = new WatchedDisk();
        RunStore store = new RunStore(dir, disk);
        store.save(RunRecords.finished("r"));
        byte[] log = Files.readAllBytes(store.eventLogOf("r"));
        int before = disk.writes().size();

        store.rename("r", "renamed");
        store.setTags("r", Set.of("t"));

        List<WatchedDisk.Write> writes = disk.writes().subList(before, disk.writes().size());
        assertEquals(2, writes.size());
        assertTrue(writes.stream().allMatch(write -> write.bytes().length < 4096), "small summaries only");
        assertArrayEquals(log, Files.readAllBytes(store.eventLogOf("r")));
        assertEquals(RunRecords.finished("r").events(), store.load("r").events());
    }

    @Test
    void listingReportsBadFilesByNameAndKeepsTheGoodOnes() throws IOException {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.finished("run-1"));
        store.save(RunRecords.finished("run-2"));
        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"runId\": ");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"left-pad\"}");
        Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\": 7, \"runId\": \"future\"}");
        Files.writeString(dir.resolve("damaged.json"), "{\"schemaVersion\": 1, \"runId\": \"d\", \"events\": [{\"type\": \"runExploded\"}]}");
        Files.writeString(dir.resolve("notes.txt"), "not a record and not a .json file");

        RunListing listing = store.list();
        assertEquals(List.of("run-2", "run-1"), listing.records().stream().map(RunRecord::runId).toList());
        assertEquals(4, listing.problems().size(), listing.problems().toString());
        assertTrue(listing.problems().get(0).startsWith("broken.json: not valid JSON"), listing.problems().get(0));
        assertTrue(listing.problems().get(1).startsWith("damaged.json: damaged run record"), listing.problems().get(1));
        assertEquals("future.json: written by a newer ScaleLab (schema 7; this version reads up to 2)",
                listing.problems().get(2));
        assertEquals("package.json: not a ScaleLab run record", listing.problems().get(3));
    }

    @Test
    void listingAMissingDirectoryIsEmpty() {
        RunListing listing = new RunStore(dir.resolve("never-created")).list();
        assertTrue(listing.records().isEmpty() && listing.problems().isEmpty());
    }

    @Test
    void deletesRenamesAndTags() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.finished("r"));
        assertEquals("CIFAR baseline", store.rename("r", "CIFAR baseline").name());
        assertEquals(Set.of("baseline", "study-a"), store.setTags("r", Set.of("study-a", "baseline")).tags());
        RunRecord reloaded = store.load("r");
        assertEquals("CIFAR baseline", reloaded.name());
        assertEquals(List.of("baseline", "study-a"), List.copyOf(reloaded.tags()));
        assertTrue(store.delete("r"));
        assertEquals(List.of(), store.filesOf("r"));
        assertFalse(store.delete("r"));
        RunStoreException e = assertThrows(RunStoreException.class, () -> store.load("r"));
        assertEquals("no run r in " + dir, e.getMessage());
    }

    @Test
    void refusesIdsThatAreNotPlainFileNames() {
        RunStore store = new RunStore(dir);
        assertThrows(RunStoreException.class, () -> store.load("../etc/passwd"));
        assertThrows(RunStoreException.class, () -> store.pathOf(".hidden"));
    }

    @Test
    void aFullDiskGivesAClearMessageAndKeepsThePreviousRecord() throws IOException {
        Path runs = dir.resolve("runs");
        new RunStore(runs).save(RunRecords.finished("r"));
        byte[] before = Files.readAllBytes(runs.resolve("r.json"));

        RunStore full = new RunStore(runs, new WatchedDisk(write -> true));
        RunStoreException e = assertThrows(RunStoreException.class, () -> full.rename("r", "renamed"));
        assertEquals("cannot save run r to " + runs.resolve("r.json")
                + ": No space left on device; the previously saved record is unchanged", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(runs.resolve("r.json")));
        try (Stream<Path> files = Files.list(runs)) {
            assertEquals(2, files.count(), "the temporary file must be removed");
        }
    }
}
