package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.ScalingCase;
import org.scalelab.engine.bench.ScalingResult;
import org.scalelab.engine.config.Strategy;

class CalibratorTest {

    private static ScalingResult run(ScalingCase scalingCase, double imagesPerSecond, int round) {
        return new ScalingResult("m", "d", scalingCase, imagesPerSecond, 1, Map.of(), Optional.empty(), round);
    }

    /** A neighbour's burst slows one of serial's three runs; the level is the median, not that one. */
    @Test
    void theSerialLevelIsTheMedianOfItsThreeRuns() {
        List<ScalingResult> oneWorker = List.of(run(ScalingCase.SERIAL, 2_000, 0),
                run(new ScalingCase(Strategy.MPJ, 1, 1), 1_000, 1), run(ScalingCase.SERIAL, 2_500, 1));
        // batch 64: 32 ms and 25.6 ms beside the one-worker case
        assertEquals(0.032, Calibrator.medianSerialStep(0.040, oneWorker, 64), 1e-12, "the slow run alone is left out");
        assertEquals(0.030, Calibrator.medianSerialStep(0.030, oneWorker, 64), 1e-12, "between the two beside it");
        assertEquals(0.0256, Calibrator.medianSerialStep(0.020, oneWorker, 64), 1e-12);
    }
}
