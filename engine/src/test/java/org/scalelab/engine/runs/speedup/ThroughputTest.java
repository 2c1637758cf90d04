package org.scalelab.engine.runs.speedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.runs.RunRecord;

class ThroughputTest {

    static EpochCompleted epoch(int number, long images, double trainSeconds) {
        return new EpochCompleted(number, 0.01, 1, 0.5, 1, 0.5, images, trainSeconds, trainSeconds, Double.NaN, List.of());
    }

    @Test
    void theWarmUpEpochIsLeftOutOnceThereIsASecond() {
        EpochCompleted cold = epoch(1, 8000, 4.0);
        assertEquals(new Throughput(2000, 2000, 2000, 1), Throughput.of(List.of(cold)), "one epoch is all there is");
        assertEquals(new Throughput(8000, 8000, 8000, 1), Throughput.of(List.of(cold, epoch(2, 8000, 1.0))));
        assertTrue(Double.isNaN(Throughput.of(List.of()).imagesPerSecond()));
    }

    @Test
    void theMedianWarmEpochIsTheThroughputAndTheOthersItsSpread() {
        // Warm epochs at 4000, 8000, 2000 (a busy moment) and 5000 images/s: sorted 2000, 4000, 5000, 8000.
        List<EpochCompleted> epochs = List.of(epoch(1, 8000, 8.0), epoch(2, 8000, 2.0), epoch(3, 8000, 1.0),
                epoch(4, 8000, 4.0), epoch(5, 8000, 1.6));
        Throughput throughput = Throughput.of(epochs);
        assertEquals(5000, throughput.imagesPerSecond(), 1e-9, "of the two middle epochs, the faster: slowdowns are one-sided");
        assertEquals(2000, throughput.lowest(), 1e-9);
        assertEquals(8000, throughput.highest(), 1e-9);
        assertEquals(4, throughput.epochs());
        assertSame(epochs.get(4), Throughput.medianEpoch(epochs), "the epoch whose phases go beside the figure");

        List<EpochCompleted> odd = epochs.subList(0, 4);
        assertEquals(4000, Throughput.of(odd).imagesPerSecond(), 1e-9, "2000, 4000, 8000: the middle one");
    }

    @Test
    void aRecordUsesItsEpochsOrElseItsSummary() {
        RunSummary summary = new RunSummary("r", RunStatus.FINISHED, 2, 5, 3200, 0.9, 0.3);
        TrainingConfig config = TrainingConfig.defaults();
        RunRecord withEpochs = new RunRecord(RunRecord.SCHEMA_VERSION, "r", "r", Set.of(), RunStatus.FINISHED, null, config,
                null, List.of(epoch(1, 8000, 4.0), epoch(2, 8000, 1.0)), summary);
        assertEquals(8000, Throughput.of(withEpochs).imagesPerSecond(), 1e-9);
        RunRecord without = new RunRecord(RunRecord.SCHEMA_VERSION, "r", "r", Set.of(), RunStatus.FINISHED, null, config,
                null, List.of(), summary);
        assertEquals(3200, Throughput.of(without).imagesPerSecond(), 1e-9);
    }

    @Test
    void speedupIsTheRatioOfThroughputsAndEfficiencyItsShareOfTheCores() {
        Speedup speedup = Speedup.of(7000, 2000, 4);
        assertEquals(3.5, speedup.value(), 1e-12);
        assertEquals(0.875, speedup.efficiency(), 1e-12);
        Baseline serial = new Baseline("s", "s", null, Throughput.single(2500), false);
        assertEquals(new Speedup(1.6, 2), serial.speedupOf(4000, 2));
        assertTrue(Double.isNaN(Speedup.of(Double.NaN, 2000, 2).efficiency()), "no throughput, no speedup");
    }
}
