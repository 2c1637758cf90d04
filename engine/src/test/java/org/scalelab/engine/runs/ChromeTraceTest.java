package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.strategies.InProcessTrainer;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.Resumption;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.TrainingFixtures;

/** A real two-thread run's timeline, as Perfetto would read it. */
class ChromeTraceTest {
    @TempDir
    Path dir;

    @Test
    void eachWorkersStepsAreSlicesWithTheirPhasesNestedAddingUpToThePhaseTotals() throws IOException {
        RunRecord run = recordedRun();
        JsonNode trace = trace(run);
        assertEquals(false, trace.get("otherData").get("sampled").asBoolean());

        Map<String, List<JsonNode>> tracks = new HashMap<>();
        int markers = 0;
        for (JsonNode event : trace.get("traceEvents")) {
            if (event.get("ph").asText().equals("X")) {
                tracks.computeIfAbsent(event.get("pid") + "/" + event.get("tid"), k -> new ArrayList<>()).add(event);
            } else if (event.get("ph").asText().equals("i")) {
                markers++;
            }
        }
        assertEquals(List.of("0/0", "0/1"), tracks.keySet().stream().sorted().toList(), "one track per worker thread");
        assertEquals(3, markers, "one marker per epoch");
        for (Map.Entry<String, List<JsonNode>> track : tracks.entrySet()) {
            int thread = Integer.parseInt(track.getKey().substring(2));
            Map<Phase, Long> phaseMicros = checkNestingAndSums(track.getValue());
            Map<Phase, Double> recorded = phaseTotals(run, thread);
            for (Phase phase : Phase.values()) {
                // Each slice is rounded to the microsecond at both ends; a few per step can add up.
                assertEquals(recorded.get(phase), phaseMicros.getOrDefault(phase, 0L) / 1e6, 2e-3,
                        phase + " of worker " + thread);
            }
        }
    }

    @Test
    void communicationSlicesNameTheirCollectiveAndTheBytesSent() throws IOException {
        RunRecord run = recordedRun();
        long gradientBytes = 4L * TrainingFixtures.plan(TrainingFixtures.config()).architecture().parameterCount();
        boolean found = false;
        for (JsonNode event : trace(run).get("traceEvents")) {
            if (event.path("name").asText().equals("communication") && event.get("args").get("bytes").asLong() == gradientBytes) {
                assertEquals("allreduce", event.get("args").get("collective").asText());
                found = true;
            }
        }
        assertTrue(found, "a gradient allreduce of " + gradientBytes + " bytes");
    }

    /**
     * With overlap each worker's communication thread has a track of its own, its stretches one after another, and its
     * hidden stretches add up to the worker's hidden communication; the worker's own track is unchanged.
     */
    @Test
    void overlappedRunsShowEachWorkersCommunicationThreadBesideIt() throws IOException {
        RunRecord run = recordedRun(TrainingFixtures.config().with(TrainingOptions.STRATEGY, Strategy.THREADS)
                .with(TrainingOptions.THREADS, 2).with(TrainingOptions.OVERLAP, true).with(TrainingOptions.BUCKET_KB, 1));
        Map<String, List<JsonNode>> tracks = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode event : trace(run).get("traceEvents")) {
            if (event.get("ph").asText().equals("X")) {
                tracks.computeIfAbsent(event.get("pid") + "/" + event.get("tid"), k -> new ArrayList<>()).add(event);
            } else if (event.get("ph").asText().equals("M")) {
                names.add(event.get("args").get("name").asText());
            }
        }
        assertEquals(List.of("0/0", "0/1", "0/1000", "0/1001"), tracks.keySet().stream().sorted().toList());
        assertTrue(names.contains("communication thread 1"), names.toString());
        for (int thread = 0; thread < 2; thread++) {
            checkNestingAndSums(tracks.get("0/" + thread));
            long end = 0;
            long hiddenMicros = 0;
            for (JsonNode slice : tracks.get("0/" + (ChromeTrace.COMMUNICATION_TRACK + thread))) {
                long start = slice.get("ts").asLong();
                assertTrue(start >= end, "one bucket after another: " + slice);
                end = start + slice.get("dur").asLong();
                if (slice.get("name").asText().equals(Phase.HIDDEN_COMMUNICATION.toString())) {
                    hiddenMicros += slice.get("dur").asLong();
                }
            }
            assertEquals(phaseTotals(run, thread).get(Phase.HIDDEN_COMMUNICATION), hiddenMicros / 1e6, 2e-3);
        }
    }

    @Test
    void aResumedRunIsMarkedWhereItWentOnAndItsLaterStepsFollowTheEarlierOnes() throws IOException {
        RunStore store = new RunStore(dir);
        TrainingConfig config = TrainingFixtures.config().with(TrainingOptions.STRATEGY, Strategy.THREADS)
                .with(TrainingOptions.THREADS, 2).with(TrainingOptions.EPOCHS, 1).with(TrainingOptions.CHECKPOINT_EVERY, 1);
        RunPlan first = TrainingFixtures.plan(config).checkpointingTo(store.checkpointOf("test-run"));
        CancellationToken cancellation = new CancellationToken();
        new InProcessTrainer().train(first, new RunRecorder(store, cancellation::abort), cancellation);
        RunRecord earlier = store.load("test-run");
        TrainingConfig twoEpochs = config.with(TrainingOptions.EPOCHS, 2);
        RunPlan resumed = first.resuming("test-run", twoEpochs, new Resumption(1, earlier.completedEpochs()));
        new InProcessTrainer().train(resumed, RunRecorder.goingOn(store, earlier, cancellation::abort), cancellation);

        JsonNode trace = trace(store.load("test-run"));

        List<String> markers = new ArrayList<>();
        Map<String, List<JsonNode>> tracks = new HashMap<>();
        for (JsonNode event : trace.get("traceEvents")) {
            if (event.get("ph").asText().equals("i")) {
                markers.add(event.get("name").asText());
            } else if (event.get("ph").asText().equals("X")) {
                tracks.computeIfAbsent(event.get("pid") + "/" + event.get("tid"), k -> new ArrayList<>()).add(event);
            }
        }
        assertTrue(markers.contains("resumed from the checkpoint of epoch 1, on to epoch 2"), markers.toString());
        // The resumed workers count their time from their own start: shifted, their steps follow epoch 1's.
        tracks.values().forEach(ChromeTraceTest::checkNestingAndSums);
    }

    @Test
    void aRecordWithoutATimelineIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChromeTrace.write(RunRecords.finished("old"), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().startsWith("has no timeline"), e.getMessage());
    }

    /**
     * Step slices follow one another without overlapping; every phase slice lies inside the step slice before it,
     * and the phases of a step add up to it.
     *
     * @return each phase's microseconds over the track
     */
    private static Map<Phase, Long> checkNestingAndSums(List<JsonNode> slices) {
        Map<Phase, Long> micros = new EnumMap<>(Phase.class);
        long stepStart = -1;
        long stepEnd = -1;
        long cursor = -1;
        for (JsonNode slice : slices) {
            long start = slice.get("ts").asLong();
            long end = start + slice.get("dur").asLong();
            if (slice.get("cat").asText().equals("step")) {
                assertEquals(cursor, stepEnd, "the previous step's phases fill it");
                assertTrue(start >= stepEnd, "steps do not overlap: " + slice);
                stepStart = start;
                stepEnd = end;
                cursor = start;
            } else {
                assertTrue(start >= stepStart && end <= stepEnd, "a phase lies inside its step: " + slice);
                assertEquals(cursor, start, "phases follow one another without gap or overlap: " + slice);
                cursor = end;
                micros.merge(Phase.valueOf(slice.get("name").asText().toUpperCase()), end - start, Long::sum);
            }
        }
        assertEquals(cursor, stepEnd);
        return micros;
    }

    private static Map<Phase, Double> phaseTotals(RunRecord run, int worker) {
        Map<Phase, Double> totals = new EnumMap<>(Phase.class);
        for (var event : run.events()) {
            if (event instanceof EpochCompleted epoch) {
                WorkerPhases phases = epoch.phases().stream().filter(p -> p.worker() == worker).findFirst().orElseThrow();
                phases.seconds().forEach((phase, seconds) -> totals.merge(phase, seconds, Double::sum));
            }
        }
        return totals;
    }

    private RunRecord recordedRun() {
        return recordedRun(TrainingFixtures.config().with(TrainingOptions.STRATEGY, Strategy.THREADS)
                .with(TrainingOptions.THREADS, 2));
    }

    private RunRecord recordedRun(TrainingConfig config) {
        RunStore store = new RunStore(dir);
        CancellationToken cancellation = new CancellationToken();
        RunRecorder recorder = new RunRecorder(store, cancellation::abort);
        new InProcessTrainer().train(TrainingFixtures.plan(config), recorder, cancellation);
        return store.load("test-run");
    }

    private static JsonNode trace(RunRecord run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTrace.write(run, out);
        return Json.mapper().readTree(out.toByteArray());
    }
}
