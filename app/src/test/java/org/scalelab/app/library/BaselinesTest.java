package org.scalelab.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.runs.RunRecord;

class BaselinesTest {
    private static final TrainingConfig SERIAL = TrainingConfig.defaults().with(BATCH, 64);

    /** A calibration run: 5 slow warm-up steps of a second each, then 50 steps of 10 ms, 64 images each. */
    private static RunRecord calibration() {
        List<RunEvent> events = new ArrayList<>();
        double elapsed = 0;
        for (int step = 1; step <= 55; step++) {
            elapsed += step <= 5 ? 1.0 : 0.01;
            events.add(new StepCompleted(1, step, step, 1.0, 0.5, 64, elapsed));
        }
        return record("calibration", Baselines.calibrationFor(SERIAL), events, 100);
    }

    private static RunRecord record(String id, TrainingConfig config, List<RunEvent> events, double imagesPerSecond) {
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, id, Set.of(), RunStatus.FINISHED, config, null, events,
                new RunSummary(id, RunStatus.FINISHED, 1, 1, imagesPerSecond, 0.9, 0.3));
    }

    @Test
    void aCalibrationIsTimedAfterItsWarmUp() {
        Baseline baseline = new Baselines(List.of(calibration())).find(SERIAL).orElseThrow();
        assertTrue(baseline.calibration());
        assertEquals(6400, baseline.imagesPerSecond(), 1e-6, "50 steps × 64 images in 0.5 s");
    }

    @Test
    void aFullSerialRunIsPreferredToANewerCalibration() {
        Baselines baselines = new Baselines(List.of(calibration(), record("full", SERIAL, List.of(), 5000)));
        Baseline baseline = baselines.find(SERIAL).orElseThrow();
        assertFalse(baseline.calibration());
        assertEquals(5000, baseline.imagesPerSecond());
    }

    @Test
    void runsMatchTheirBaselineByGlobalBatch() {
        TrainingConfig weak = TrainingConfig.defaults().with(STRATEGY, Strategy.THREADS).with(THREADS, 2).with(BATCH, 32)
                .with(SCALING, Scaling.WEAK);
        assertTrue(new Baselines(List.of(record("full", SERIAL, List.of(), 5000))).find(weak).isPresent());
        TrainingConfig baseline = Baselines.baselineFor(weak);
        assertEquals(64, baseline.schedule().batchSize());
        assertEquals(Strategy.SERIAL, baseline.parallelism().strategy());
        assertEquals(55, Baselines.calibrationFor(weak).schedule().stepLimit());
    }
}
