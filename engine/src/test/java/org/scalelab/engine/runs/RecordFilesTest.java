package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listing names, file by file, everything named like a record that is not one, and still lists the rest. */
class RecordFilesTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryNamedLikeARecordIsReported() throws IOException {
        RunStore store = withOneGoodRun();
        Files.createDirectory(dir.resolve("photos.json"));
        assertListing(store, "photos.json: a directory, not a run record");
    }

    @Test
    void aSymbolicLinkToNothingIsReportedWithItsTarget() throws IOException {
        RunStore store = withOneGoodRun();
        Files.createSymbolicLink(dir.resolve("usb.json"), Path.of("/media/usb/gone.json"));
        assertListing(store, "usb.json: a symbolic link to /media/usb/gone.json, which does not exist");
    }

    @Test
    void aSymbolicLinkLoopIsReported() throws IOException {
        RunStore store = withOneGoodRun();
        Files.createSymbolicLink(dir.resolve("a.json"), Path.of("b.json"));
        Files.createSymbolicLink(dir.resolve("b.json"), Path.of("a.json"));
        assertListing(store, "a.json: a symbolic link that leads back to itself (a loop)",
                "b.json: a symbolic link that leads back to itself (a loop)");
    }

    @Test
    void aSymbolicLinkToARecordIsFollowed() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        new RunStore(elsewhere).save(RunRecords.finished("linked"));
        Path runs = Files.createDirectory(dir.resolve("runs"));
        Files.createSymbolicLink(runs.resolve("linked.json"), elsewhere.resolve("linked.json"));
        Files.createSymbolicLink(runs.resolve("linked.events.jsonl"), elsewhere.resolve("linked.events.jsonl"));
        RunListing listing = new RunStore(runs).list();
        assertEquals(List.of(), listing.problems());
        assertEquals(RunRecords.finished("linked"), listing.records().get(0));
    }

    /** A pipe never ends: reading it would hang every listing. */
    @Test
    void aPipeNamedLikeARecordIsReportedNotRead() throws Exception {
        RunStore store = withOneGoodRun();
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("fifo.json").toString(),
                dir.resolve("fifo2.events.jsonl").toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertListing(store, "fifo.json: not a regular file (a pipe, socket or device), so not a run record",
                    "fifo2.events.jsonl: not a regular file (a pipe, socket or device), so not a run record");
            RunStoreException e = assertThrows(RunStoreException.class, () -> store.load("fifo2"));
            assertTrue(e.getMessage().startsWith("fifo2.events.jsonl: "), e.getMessage());
        });
    }

    @Test
    void aCopyOfARunUnderAnotherNameIsReportedAsASecondCopy() throws IOException {
        RunStore store = withOneGoodRun();
        Files.copy(dir.resolve("good.json"), dir.resolve("good-backup.json"));
        assertListing(store, "good-backup.json: a second copy of run good (whose own file is good.json); delete it");
        RunStoreException e = assertThrows(RunStoreException.class, () -> store.load("good-backup"));
        assertTrue(e.getMessage().startsWith("good-backup.json: a second copy of run good"), e.getMessage());
    }

    @Test
    void aRecordRenamedByHandIsReportedWithTheNameItShouldHave() throws IOException {
        RunStore store = withOneGoodRun();
        new RunStore(dir).save(RunRecords.finished("other"));
        Files.move(dir.resolve("other.json"), dir.resolve("mine.json"));
        Files.move(dir.resolve("other.events.jsonl"), dir.resolve("mine.events.jsonl"));
        assertListing(store, "mine.json: holds run other but is named mine; rename its files to other.json and "
                + "other.events.jsonl to list it");
    }

    /** The good run is listed whatever else the directory holds, and the problems come in file-name order. */
    private static void assertListing(RunStore store, String... problems) {
        RunListing listing = store.list();
        assertEquals(List.of(problems), listing.problems());
        assertEquals(List.of("good"), listing.records().stream().map(RunRecord::runId).toList());
    }

    private RunStore withOneGoodRun() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.finished("good"));
        return store;
    }
}
