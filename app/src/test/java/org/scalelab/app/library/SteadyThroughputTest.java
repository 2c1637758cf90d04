package org.scalelab.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.runs.RunRecord;

class SteadyThroughputTest {

    private static EpochCompleted epoch(int number, long images, double trainSeconds) {
        return new EpochCompleted(number, 0.01, 1, 0.5, 1, 0.5, images, trainSeconds, trainSeconds, Double.NaN, List.of());
    }

    @Test
    void theWarmUpEpochIsLeftOutOnceThereIsASecond() {
        EpochCompleted cold = epoch(1, 8000, 4.0);
        assertEquals(2000, SteadyThroughput.of(List.of(cold)), 1e-9, "one epoch is all there is");
        assertEquals(8000, SteadyThroughput.of(List.of(cold, epoch(2, 8000, 1.0))), 1e-9);
        assertEquals(16000.0 / 3, SteadyThroughput.of(List.of(cold, epoch(2, 8000, 1.0), epoch(3, 8000, 2.0))), 1e-9);
        assertTrue(Double.isNaN(SteadyThroughput.of(List.of())));
    }

    @Test
    void aRecordUsesItsEpochsOrElseItsSummary() {
        RunSummary summary = new RunSummary("r", RunStatus.FINISHED, 2, 5, 3200, 0.9, 0.3);
        TrainingConfig config = TrainingConfig.defaults();
        RunRecord withEpochs = new RunRecord(RunRecord.SCHEMA_VERSION, "r", "r", Set.of(), RunStatus.FINISHED, config,
                null, List.of(epoch(1, 8000, 4.0), epoch(2, 8000, 1.0)), summary);
        assertEquals(8000, SteadyThroughput.of(withEpochs), 1e-9);
        RunRecord without = new RunRecord(RunRecord.SCHEMA_VERSION, "r", "r", Set.of(), RunStatus.FINISHED, config,
                null, List.of(), summary);
        assertEquals(3200, SteadyThroughput.of(without), 1e-9);
    }
}
