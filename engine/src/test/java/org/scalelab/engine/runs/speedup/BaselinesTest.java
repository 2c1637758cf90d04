package org.scalelab.engine.runs.speedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.runs.RunRecord;

class BaselinesTest {
    private static final TrainingConfig SERIAL = TrainingConfig.defaults().with(BATCH, 64);
    private static final TrainingConfig TWO_THREADS = SERIAL.with(STRATEGY, Strategy.THREADS).with(THREADS, 2);
    private static final EnvironmentInfo HERE = machine("AMD EPYC 7B13", 2, "linux-x86_64-onednn");
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    private static EnvironmentInfo machine(String cpu, int cores, String nativeBuild) {
        return new EnvironmentInfo(cpu, cores, "Linux", "OpenJDK 17", "CpuBackend", nativeBuild, "OpenBLAS", cores, null,
                "host");
    }

    /** A finished run that started at {@code startedAt} and trained at {@code imagesPerSecond} by its summary. */
    private static RunRecord run(String id, TrainingConfig config, EnvironmentInfo environment, Instant startedAt,
                                 double imagesPerSecond, List<RunEvent> steps) {
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunStarted(id, startedAt.toString(), config, null, 0, null, 1000, 100, environment, null, false));
        events.addAll(steps);
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, id, Set.of(), RunStatus.FINISHED, null, config, environment, events,
                new RunSummary(id, RunStatus.FINISHED, 1, 1, imagesPerSecond, 0.9, 0.3));
    }

    private static RunRecord serial(String id, Instant startedAt, double imagesPerSecond) {
        return run(id, SERIAL, HERE, startedAt, imagesPerSecond, List.of());
    }

    /** A calibration run: 5 slow warm-up steps of a second each, then 50 steps of 10 ms, 64 images each. */
    private static RunRecord calibration(Instant startedAt) {
        List<RunEvent> steps = new ArrayList<>();
        double elapsed = 0;
        for (int step = 1; step <= 55; step++) {
            elapsed += step <= 5 ? 1.0 : 0.01;
            steps.add(new StepCompleted(1, step, step, 1.0, 0.5, 64, elapsed));
        }
        return run("calibration", Calibration.configFor(TWO_THREADS), HERE, startedAt, 100, steps);
    }

    private static List<String> eligible(List<RunRecord> saved, TrainingConfig config, EnvironmentInfo environment) {
        return new Baselines(saved).eligibleFor(config, environment, NOON).stream().map(Baseline::runId).toList();
    }

    @Test
    void aSerialRunOfTheSameWorkOnTheSameMachineIsEligible() {
        assertEquals(List.of("s"), eligible(List.of(serial("s", NOON, 5000)), TWO_THREADS, HERE));
    }

    @Test
    void aRunOnAnotherMachineIsNotEligible() {
        List<RunRecord> saved = List.of(serial("s", NOON, 5000));
        assertEquals(List.of(), eligible(saved, TWO_THREADS, machine("Intel Xeon", 2, "linux-x86_64-onednn")), "other CPU");
        assertEquals(List.of(), eligible(saved, TWO_THREADS, machine("AMD EPYC 7B13", 8, "linux-x86_64-onednn")), "other cores");
        assertEquals(List.of(), eligible(saved, TWO_THREADS, machine("AMD EPYC 7B13", 2, "linux-x86_64")), "other native build");
        assertEquals(List.of(), eligible(saved, TWO_THREADS, null), "a machine not recorded is not this one");
    }

    @Test
    void aRunOfOtherWorkIsNotEligible() {
        List<RunRecord> saved = List.of(serial("s", NOON, 5000));
        assertEquals(List.of(), eligible(saved, TWO_THREADS.with(OPTIMIZER, OptimizerKind.ADAM), HERE), "other optimiser");
        assertEquals(List.of(), eligible(saved, TWO_THREADS.with(BATCH, 128), HERE), "other global batch");
        assertEquals(List.of(), eligible(saved, TWO_THREADS.with(MODEL, "cnn-1m"), HERE), "other model");
        assertEquals(List.of(), eligible(saved, TWO_THREADS.with(DATASET, "synthetic-cifar"), HERE), "other dataset");
    }

    @Test
    void weakScalingMatchesByGlobalBatchAndItsSerialRunHasIt() {
        TrainingConfig weak = TWO_THREADS.with(BATCH, 32).with(SCALING, Scaling.WEAK);
        assertEquals(List.of("s"), eligible(List.of(serial("s", NOON, 5000)), weak, HERE), "2 workers × 32 = 64");
        TrainingConfig baseline = Baselines.serialConfigFor(weak);
        assertEquals(64, baseline.schedule().batchSize());
        assertEquals(Strategy.SERIAL, baseline.parallelism().strategy());
        assertEquals(Calibration.WARM_UP_STEPS + Calibration.CALIBRATION_STEPS,
                Calibration.configFor(weak).schedule().stepLimit());
    }

    @Test
    void aSerialRunHasNoBaselineNeitherItselfNorAnotherSerialRun() {
        RunRecord first = serial("first", NOON, 5000);
        RunRecord second = serial("second", NOON.plusSeconds(60), 9000);
        Baselines baselines = new Baselines(List.of(second, first));
        assertEquals(List.of(), baselines.eligibleFor(first));
        assertEquals(List.of(), baselines.eligibleFor(second));
    }

    @Test
    void theBaselineClosestInTimeWinsNotTheNewest() {
        RunRecord morning = serial("morning", NOON.minusSeconds(3 * 3600), 5000);
        RunRecord justBefore = serial("just before", NOON.minusSeconds(600), 4000);
        RunRecord evening = serial("evening", NOON.plusSeconds(6 * 3600), 6000);
        RunRecord parallel = run("threads", TWO_THREADS, HERE, NOON, 8000, List.of());
        Baselines baselines = new Baselines(List.of(evening, parallel, justBefore, morning));

        List<Baseline> eligible = baselines.eligibleFor(parallel);
        assertEquals(List.of("just before", "morning", "evening"), eligible.stream().map(Baseline::runId).toList());
        assertEquals(NOON.minusSeconds(600), eligible.get(0).startedAt());
        assertEquals(2.0, eligible.get(0).speedupOf(8000, 2).value(), 1e-12);
    }

    @Test
    void aCalibrationServesOnlyWhereNoFullRunDoesAndIsTimedAfterItsWarmUp() {
        RunRecord calibration = calibration(NOON);
        Baseline alone = new Baselines(List.of(calibration)).eligibleFor(TWO_THREADS, HERE, NOON).get(0);
        assertTrue(alone.calibration());
        assertEquals(6400, alone.imagesPerSecond(), 1e-6, "50 steps × 64 images in 0.5 s");

        RunRecord older = serial("full", NOON.minusSeconds(24 * 3600), 5000);
        assertEquals(List.of("full", "calibration"), eligible(List.of(calibration, older), TWO_THREADS, HERE),
                "a full run a day older still comes first");
    }

    @Test
    void unfinishedSerialRunsAreNotEligible() {
        RunRecord finished = serial("s", NOON, 5000);
        RunRecord cancelled = new RunRecord(RunRecord.SCHEMA_VERSION, "c", "c", Set.of(), RunStatus.CANCELLED, null, SERIAL, HERE,
                finished.events(), finished.summary());
        assertEquals(List.of("s"), eligible(List.of(cancelled, finished), TWO_THREADS, HERE));
    }
}
