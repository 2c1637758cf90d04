package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.EventSamples;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.strategies.InProcessTrainer;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.TrainingFixtures;

class RunRecorderTest {
    @TempDir
    Path dir;
    /** What the recorders asked of the run they record: stopping it, for these reasons. */
    private final List<RuntimeException> stops = new ArrayList<>();

    @Test
    void savesTheSummaryWhenTheRunStartsAfterEveryEpochAndAtTheEndAndEveryEventInTheLog() throws IOException {
        WatchedDisk disk = new WatchedDisk();
        RunStore store = new RunStore(dir, disk);
        RunRecorder recorder = new RunRecorder(store, stops::add);
        List<RunEvent> events = new ArrayList<>();
        new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()), event -> {
            events.add(event);
            recorder.onEvent(event);
        }, new CancellationToken());

        List<String> summaries = new ArrayList<>();
        for (WatchedDisk.Write write : disk.writes()) {
            if (write.summary()) {
                JsonNode summary = Json.mapper().readTree(write.bytes()).get("summary");
                summaries.add(summary.get("status").asText() + " " + summary.get("epochs").asInt());
            }
        }
        assertEquals(List.of("running 0", "running 1", "running 2", "running 3", "finished 3"), summaries);
        RunRecord finished = store.load("test-run");
        assertEquals(RunStatus.FINISHED, finished.status());
        assertEquals(events, finished.events());
        assertEquals(dir.resolve("test-run.json"), recorder.path().orElseThrow());
    }

    @Test
    void aNameAndTagsGivenAtTheStartAreInEverySummary() throws IOException {
        WatchedDisk disk = new WatchedDisk();
        RunRecorder recorder = new RunRecorder(new RunStore(dir, disk), "baseline", Set.of("study-a"), stops::add);
        run(2, 3).forEach(recorder::onEvent);
        for (WatchedDisk.Write write : disk.writes()) {
            if (write.summary()) {
                JsonNode summary = Json.mapper().readTree(write.bytes());
                assertEquals("baseline", summary.get("name").asText());
                assertEquals("[\"study-a\"]", summary.get("tags").toString());
            }
        }
        RunRecord record = new RunStore(dir).load("r1");
        assertEquals("baseline", record.name());
        assertEquals(Set.of("study-a"), record.tags());
    }

    @Test
    void aCancelledRunIsSavedAsCancelledWithWhatWasDone() {
        RunStore store = new RunStore(dir);
        RunRecorder recorder = new RunRecorder(store, stops::add);
        CancellationToken cancellation = new CancellationToken();
        new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()), event -> {
            recorder.onEvent(event);
            if (event instanceof StepCompleted step && step.globalStep() == 9) {
                cancellation.cancel();
            }
        }, cancellation);
        RunRecord saved = store.load("test-run");
        assertEquals(RunStatus.CANCELLED, saved.status());
        assertEquals(2, saved.summary().epochs());
        assertTrue(saved.summary().testAccuracy() > 0);
    }

    /** The old recorder rewrote every event after each epoch: its 40th epoch cost 40 times its first. */
    @Test
    void theBytesWrittenPerEpochStayTheSameAsTheEpochsGrow() {
        WatchedDisk disk = new WatchedDisk();
        RunRecorder recorder = new RunRecorder(new RunStore(dir, disk), stops::add);
        run(40, 50).forEach(recorder::onEvent);

        List<Integer> bytesPerEpoch = new ArrayList<>();
        int bytes = 0;
        for (WatchedDisk.Write write : disk.writes()) {
            bytes += write.bytes().length;
            if (write.summary()) {
                bytesPerEpoch.add(bytes);
                bytes = 0;
            }
        }
        List<Integer> epochs = bytesPerEpoch.subList(1, 41); // after the start, before the end
        int least = epochs.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int most = epochs.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(least > 50 * 100, "an epoch writes its 50 steps: " + least);
        assertTrue(most - least < 64, "epochs 1 to 40 wrote " + least + " to " + most + " bytes");
        assertEquals(2 * 42, disk.writes().size(), "one append and one summary at the start, per epoch and at the end");
    }

    @Test
    void aLongEpochsStepsReachTheDiskInBatchesBeforeItEnds() {
        WatchedDisk disk = new WatchedDisk();
        RunRecorder recorder = new RunRecorder(new RunStore(dir, disk), stops::add);
        run(1, 2_000).forEach(recorder::onEvent);

        List<WatchedDisk.Write> writes = disk.writes();
        int appendsBeforeTheEpochsSummary = 0;
        for (WatchedDisk.Write write : writes.subList(2, writes.size())) {
            if (write.summary()) {
                break;
            }
            assertTrue(write.bytes().length < 2 * EventLog.BATCH_BYTES, "batch of " + write.bytes().length);
            appendsBeforeTheEpochsSummary++;
        }
        assertTrue(appendsBeforeTheEpochsSummary >= 3, appendsBeforeTheEpochsSummary + " appends");
        assertEquals(2_000 + 3, new RunStore(dir).load("r1").events().size());
    }

    @Test
    void theTrainingThreadOnlyHandsEventsOverAndTheLastEventWaitsForTheWriter() throws Exception {
        CountDownLatch diskFree = new CountDownLatch(1);
        RunRecorder recorder = new RunRecorder(new RunStore(dir, new WatchedDisk(write -> {
            await(diskFree);
            return false;
        })), stops::add);
        List<RunEvent> events = run(3, 10);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> events.subList(0, events.size() - 1)
                .forEach(recorder::onEvent), "events must not wait for a disk that is stuck");
        assertTrue(recorder.path().isEmpty());

        diskFree.countDown();
        recorder.onEvent(events.get(events.size() - 1));
        assertEquals(dir.resolve("r1.json"), recorder.path().orElseThrow());
        assertEquals(events, new RunStore(dir).load("r1").events());
    }

    @Test
    void aFailingSaveIsRememberedNotThrown() {
        RunRecorder recorder = new RunRecorder(new RunStore(dir, new WatchedDisk(write -> true)), stops::add);
        run(2, 3).forEach(recorder::onEvent);
        assertTrue(recorder.path().isEmpty());
        assertTrue(recorder.saveFailure().orElseThrow().getMessage().contains("No space left on device"));
        assertEquals(1, stops.size(), "the run is stopped once");
    }

    /** The disk fills during the second epoch; the space the recorder kept back lets it say so. */
    @Test
    void aSaveThatFailsStopsTheRunWhichEndsFailedWithTheReasonAndEveryEventBefore() {
        AtomicInteger summaries = new AtomicInteger();
        RunStore store = new RunStore(dir, new WatchedDisk(write -> write.summary() && summaries.incrementAndGet() == 3));
        CancellationToken cancellation = new CancellationToken();
        RunRecorder recorder = new RunRecorder(store, cancellation::abort);
        RunSummary summary = new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()), event -> {
            recorder.onEvent(event);
            if (event instanceof EpochCompleted epoch && epoch.epoch() == 2) {
                // A real epoch lasts long enough for the writer to fail; this one lasts until it has.
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    while (!cancellation.isCancelled()) {
                        Thread.onSpinWait();
                    }
                });
            }
        }, cancellation);

        assertEquals(RunStatus.FAILED, summary.status());
        assertTrue(summary.epochs() < 3, "the run stopped early: " + summary);
        RunRecord saved = store.load("test-run");
        assertEquals(RunStatus.FAILED, saved.status());
        RunFailed failed = (RunFailed) saved.events().get(saved.events().size() - 1);
        assertTrue(failed.message().startsWith("cannot save run test-run to ") && failed.message().contains("No space left on device"),
                failed.message());
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of("test-run.events.jsonl", "test-run.json"),
                    files.map(file -> file.getFileName().toString()).sorted().toList(), "the reserve is given back");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLogWriteThatFailsIsRetriedWithoutAGapOrATornLine() {
        AtomicInteger appends = new AtomicInteger();
        RunStore store = new RunStore(dir, new WatchedDisk(write -> !write.whole() && appends.incrementAndGet() == 2));
        RunRecorder recorder = new RunRecorder(store, stops::add);
        List<RunEvent> events = run(3, 5);
        events.forEach(recorder::onEvent);
        assertTrue(recorder.saveFailure().isEmpty(), "the later saves succeeded");
        assertEquals(events, store.load("r1").events());
    }

    /** A run of {@code epochs} epochs of {@code steps} steps each, as the trainers report it. */
    private static List<RunEvent> run(int epochs, int steps) {
        List<RunEvent> events = new ArrayList<>(List.of(EventSamples.started("r1")));
        List<EpochCompleted> completed = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int step = 1; step <= steps; step++) {
                events.add(EventSamples.step());
            }
            completed.add(EventSamples.epoch(epoch));
            events.add(completed.get(completed.size() - 1));
        }
        events.add(new RunFinished(RunSummary.of("r1", RunStatus.FINISHED, completed)));
        return events;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
