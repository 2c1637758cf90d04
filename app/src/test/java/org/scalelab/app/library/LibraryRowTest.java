package org.scalelab.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.app.baseline.BaselineChoice;
import org.scalelab.app.live.SyntheticRun;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.speedup.Baselines;

class LibraryRowTest {
    private static final TrainingConfig SERIAL = TrainingConfig.defaults().with(BATCH, 64);
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    // 64 images a step: 3,200 img/s in 20 ms steps, 6,400 in 10 ms.
    private final RunRecord earlier = SyntheticRun.record("earlier", SERIAL, NOON.minusSeconds(600), 0.02);
    private final RunRecord later = SyntheticRun.record("later", SERIAL, NOON.plusSeconds(60), 0.01);
    private final RunRecord threads = SyntheticRun.record("threads", SERIAL.with(STRATEGY, Strategy.THREADS).with(THREADS, 2),
            NOON, 0.01);
    private final Baselines baselines = new Baselines(List.of(later, threads, earlier));

    @Test
    void aParallelRunShowsItsSpeedupAndNamesTheBaselineClosestInTime() {
        LibraryRow row = LibraryRow.of(threads, baselines, "");
        assertEquals("1.00", row.speedup(), "against the serial run a minute later, not the one ten minutes earlier");
        assertEquals(BaselineChoice.describe(baselines.eligibleFor(threads).get(0)), row.baseline());
        assertTrue(row.baseline().startsWith("later · "), row.baseline());
    }

    @Test
    void aSerialRunShowsNoSpeedupAgainstOtherSerialRuns() {
        LibraryRow row = LibraryRow.of(earlier, baselines, "");
        assertEquals("–", row.speedup());
        assertEquals("–", row.baseline());
    }

    @Test
    void theFilterDoesNotFindParallelRunsByTheirBaselinesName() {
        assertFalse(LibraryRow.of(threads, baselines, "").matches("later"));
        assertTrue(LibraryRow.of(later, baselines, "").matches("later"));
    }
}
