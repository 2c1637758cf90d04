package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.strategies.InProcessTrainer;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.TrainingFixtures;

/**
 * Records as a crash leaves them, made from a real recorded run: its files are put back as they stood part way,
 * the summary as written after the first epoch and the log cut in the middle of a line of the second.
 */
class CutShortRecordTest {
    @TempDir
    Path dir;
    private final List<RunEvent> events = new ArrayList<>();
    private RunStore store;
    private byte[] summaryAfterTheFirstEpoch;

    @BeforeEach
    void recordARun() {
        WatchedDisk disk = new WatchedDisk();
        store = new RunStore(dir, disk);
        RunRecorder recorder = new RunRecorder(store, reason -> { });
        new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()), event -> {
            events.add(event);
            recorder.onEvent(event);
        }, new CancellationToken());
        summaryAfterTheFirstEpoch = disk.writes().stream().filter(WatchedDisk.Write::summary).toList().get(1).bytes();
    }

    @Test
    void aLogCutMidLineListsAndLoadsWithEveryCompleteEvent() throws IOException {
        int complete = completeLinesKeptWhenCutInsideTheSecondEpoch();
        Files.write(store.pathOf("test-run"), summaryAfterTheFirstEpoch);

        RunListing listing = store.list();
        assertEquals(List.of(), listing.problems());
        RunRecord record = listing.records().get(0);
        assertEquals(record, store.load("test-run"));
        assertEquals(events.subList(0, complete), record.events());
        assertEquals(RunStatus.RUNNING, record.status());
        assertEquals(1, record.summary().epochs());
    }

    @Test
    void theLogIsBelievedOverASummaryItIsAheadOf() throws IOException {
        Files.write(store.pathOf("test-run"), summaryAfterTheFirstEpoch);
        RunRecord record = store.load("test-run");
        assertEquals(events, record.events());
        assertEquals(RunStatus.FINISHED, record.status(), "the crash fell between the last event and its summary");
        assertEquals(3, record.summary().epochs());
    }

    @Test
    void aTornSummaryGivesWayToTheLog() throws IOException {
        store.rename("test-run", "named");
        byte[] summary = Files.readAllBytes(store.pathOf("test-run"));
        Files.write(store.pathOf("test-run"), Arrays.copyOf(summary, summary.length / 2));
        int complete = completeLinesKeptWhenCutInsideTheSecondEpoch();

        RunRecord record = store.list().records().get(0);
        assertEquals(events.subList(0, complete), record.events());
        assertEquals(RunStatus.INTERRUPTED, record.status(), "a summary is torn only by a crash, and the log names no process");
        assertEquals(1, record.summary().epochs());
        assertEquals("test-run", record.name(), "the name was in the torn summary");
        assertEquals(Set.of(), record.tags());
        assertEquals(TrainingFixtures.config(), record.config());
    }

    @Test
    void aLogWithoutASummaryIsStillARun() throws IOException {
        Files.delete(store.pathOf("test-run"));
        RunRecord record = store.list().records().get(0);
        assertEquals(events, record.events());
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(record, store.load("test-run"));
    }

    @Test
    void aLogThatStoppedBeforeItsFirstLineIsReportedByName() throws IOException {
        Files.delete(store.pathOf("test-run"));
        Files.write(store.eventLogOf("test-run"), "{\"type\":\"runSta".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("test-run.events.jsonl: holds no complete event; the run stopped as it began"),
                store.list().problems());
    }

    @Test
    void aDamagedLineInTheMiddleIsDamageNotACrash() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(store.eventLogOf("test-run")));
        lines.set(3, "{\"type\":\"stepCompleted\",\"epoch\":");
        Files.write(store.eventLogOf("test-run"), lines);
        String problem = store.list().problems().get(0);
        assertTrue(problem.startsWith("test-run.events.jsonl: damaged run record (line 4: not a run event"), problem);
    }

    /** Cuts the log half way through the line after the second epoch's first step; returns the lines left whole. */
    private int completeLinesKeptWhenCutInsideTheSecondEpoch() throws IOException {
        int firstEpoch = 0;
        while (!(events.get(firstEpoch) instanceof EpochCompleted)) {
            firstEpoch++;
        }
        int complete = firstEpoch + 2;
        byte[] log = Files.readAllBytes(store.eventLogOf("test-run"));
        int at = 0;
        for (int line = 0; line < complete; line++) {
            at = indexOf(log, (byte) '\n', at) + 1;
        }
        int lineLength = indexOf(log, (byte) '\n', at) - at;
        Files.write(store.eventLogOf("test-run"), Arrays.copyOf(log, at + lineLength / 2));
        return complete;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no line break after " + from);
    }
}
