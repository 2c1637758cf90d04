package org.scalelab.engine.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.PhaseSlice;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.StepTimeline;

/**
 * A run's timeline in the Chrome trace format, which Perfetto (ui.perfetto.dev) and {@code chrome://tracing} open,
 * as Horovod's timeline and PyTorch's profiler write it: a process per rank, a thread per worker thread, each
 * step a slice with its phases nested inside (communication with its collective and bytes), each epoch's end
 * (evaluation, the last exchange) a slice of its own, and each epoch a marker. A long run's record keeps a sample
 * of its steps; the trace says so in {@code otherData}. With {@code --overlap} each worker's communication thread
 * has a track of its own beside it, its buckets' allreduce hidden behind the backward pass or waited for.
 */
public final class ChromeTrace {
    /** Added to a worker thread's number for its communication thread's track. */
    static final int COMMUNICATION_TRACK = 1000;

    private ChromeTrace() {
    }

    /**
     * @throws IllegalArgumentException when the record holds no timeline (runs recorded before it was kept); the
     *                                  message says so of the run, e.g. after its id
     */
    public static void write(RunRecord run, OutputStream out) throws IOException {
        List<StepTimeline> timelines = run.events().stream().filter(StepTimeline.class::isInstance)
                .map(StepTimeline.class::cast).toList();
        if (timelines.isEmpty()) {
            throw new IllegalArgumentException("has no timeline: it ended before its first step, or was recorded by a"
                    + " ScaleLab that did not keep one");
        }
        long steps = run.events().stream().filter(StepCompleted.class::isInstance).count();
        long kept = timelines.stream().filter(t -> t.process() == 0 && t.thread() == 0 && t.step() > 0).count();
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("displayTimeUnit", "ms");
            json.writeObjectFieldStart("otherData");
            json.writeStringField("run", run.runId());
            json.writeStringField("name", run.name());
            json.writeStringField("configuration", run.config().parallelism().label());
            json.writeNumberField("steps", steps);
            json.writeNumberField("stepsKept", kept);
            json.writeBooleanField("sampled", kept < steps);
            json.writeEndObject();
            json.writeArrayFieldStart("traceEvents");
            writeNames(json, timelines);
            Map<StepTimeline, Long> offsets = writeStepsAndRestarts(json, run);
            writeEpochMarkers(json, run, timelines, offsets);
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * Every step, and a global instant where ranks failed and where the run went on. Workers relaunched after a
     * failure (or a resumed run's) count their time from their own start: their steps are shifted to follow
     * what came before, so the trace reads left to right as the run went.
     *
     * @return each timeline's shift, in microseconds
     */
    private static Map<StepTimeline, Long> writeStepsAndRestarts(JsonGenerator json, RunRecord run) throws IOException {
        Map<StepTimeline, Long> offsets = new java.util.IdentityHashMap<>();
        long offset = 0;
        long end = 0;
        for (RunEvent event : run.events()) {
            if (event instanceof StepTimeline timeline && !timeline.slices().isEmpty()) {
                offsets.put(timeline, offset);
                writeStep(json, timeline, offset);
                PhaseSlice last = timeline.slices().get(timeline.slices().size() - 1);
                end = Math.max(end, offset + last.startMicros() + last.micros());
            } else if (event instanceof RanksFailed failed) {
                instant(json, failed.describe(), end);
            } else if (event instanceof RunResumed resumed) {
                instant(json, resumed.describe(), end);
                offset = end;
            }
        }
        return offsets;
    }

    /** A global instant ("i", scope "g"): a line across every track. */
    private static void instant(JsonGenerator json, String name, long micros) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "i");
        json.writeStringField("s", "g");
        json.writeStringField("name", name);
        json.writeNumberField("pid", 0);
        json.writeNumberField("tid", 0);
        json.writeNumberField("ts", micros);
        json.writeEndObject();
    }

    /** Tracks named "rank 0", "worker 1", as the viewers list them. */
    private static void writeNames(JsonGenerator json, List<StepTimeline> timelines) throws IOException {
        Set<Integer> processes = new TreeSet<>();
        Set<List<Integer>> threads = new java.util.LinkedHashSet<>();
        Set<List<Integer>> communicationThreads = new java.util.LinkedHashSet<>();
        timelines.forEach(t -> {
            processes.add(t.process());
            threads.add(List.of(t.process(), t.thread()));
            if (!t.communicationThread().isEmpty()) {
                communicationThreads.add(List.of(t.process(), t.thread()));
            }
        });
        for (int process : processes) {
            metadata(json, "process_name", process, 0, "rank " + process);
        }
        for (List<Integer> thread : threads) {
            metadata(json, "thread_name", thread.get(0), thread.get(1), "worker thread " + thread.get(1));
        }
        for (List<Integer> thread : communicationThreads) {
            metadata(json, "thread_name", thread.get(0), COMMUNICATION_TRACK + thread.get(1),
                    "communication thread " + thread.get(1));
        }
    }

    private static void metadata(JsonGenerator json, String kind, int process, int thread, String name) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "M");
        json.writeStringField("name", kind);
        json.writeNumberField("pid", process);
        json.writeNumberField("tid", thread);
        json.writeObjectFieldStart("args");
        json.writeStringField("name", name);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeStep(JsonGenerator json, StepTimeline timeline, long offset) throws IOException {
        List<PhaseSlice> slices = timeline.slices();
        long start = offset + slices.get(0).startMicros();
        PhaseSlice last = slices.get(slices.size() - 1);
        String name = timeline.step() > 0 ? "step " + timeline.step() : "epoch " + timeline.epoch() + " end";
        slice(json, name, "step", timeline.process(), timeline.thread(), start,
                offset + last.startMicros() + last.micros() - start);
        json.writeObjectFieldStart("args");
        json.writeNumberField("epoch", timeline.epoch());
        json.writeEndObject();
        json.writeEndObject();
        writePhases(json, slices, timeline.process(), timeline.thread(), offset);
        writePhases(json, timeline.communicationThread(), timeline.process(), COMMUNICATION_TRACK + timeline.thread(),
                offset);
    }

    private static void writePhases(JsonGenerator json, List<PhaseSlice> slices, int process, int thread, long offset)
            throws IOException {
        for (PhaseSlice phase : slices) {
            slice(json, phase.phase().toString(), "phase", process, thread, offset + phase.startMicros(), phase.micros());
            if (phase.collective() != null) {
                json.writeObjectFieldStart("args");
                json.writeStringField("collective", phase.collective());
                json.writeNumberField("bytes", phase.bytes());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }

    /** Opens a complete event ("X"); the caller may add its arguments, then closes it. */
    private static void slice(JsonGenerator json, String name, String category, int process, int thread, long start,
                              long duration) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "X");
        json.writeStringField("name", name);
        json.writeStringField("cat", category);
        json.writeNumberField("pid", process);
        json.writeNumberField("tid", thread);
        json.writeNumberField("ts", start);
        json.writeNumberField("dur", duration);
    }

    /** A global instant at the end of each epoch of the first worker, with its results. */
    private static void writeEpochMarkers(JsonGenerator json, RunRecord run, List<StepTimeline> timelines,
                                          Map<StepTimeline, Long> offsets) throws IOException {
        Map<Integer, EpochCompleted> epochs = new HashMap<>();
        run.events().stream().filter(EpochCompleted.class::isInstance).map(EpochCompleted.class::cast)
                .forEach(epoch -> epochs.put(epoch.epoch(), epoch));
        for (StepTimeline end : timelines) {
            if (end.process() != 0 || end.thread() != 0 || end.step() != 0 || end.slices().isEmpty()) {
                continue;
            }
            PhaseSlice last = end.slices().get(end.slices().size() - 1);
            EpochCompleted epoch = epochs.get(end.epoch());
            json.writeStartObject();
            json.writeStringField("ph", "i");
            json.writeStringField("s", "g");
            json.writeStringField("name", "epoch " + end.epoch());
            json.writeNumberField("pid", 0);
            json.writeNumberField("tid", 0);
            json.writeNumberField("ts", offsets.get(end) + last.startMicros() + last.micros());
            if (epoch != null) {
                json.writeObjectFieldStart("args");
                Json.putNumberField(json, "testAccuracy", epoch.testAccuracy());
                Json.putNumberField(json, "trainLoss", epoch.trainLoss());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }
}
