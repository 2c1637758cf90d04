package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.Strategy;

class ValidationTest {

    private static Validation.Check check(Strategy strategy, double predictedRate, double predictedSpeedup,
                                          double measuredRate, double measuredSpeedup) {
        Prediction predicted = new Prediction("mlp-235k", strategy, 1, 2, 1, 64, 64 / predictedRate, 0, 0, 0, 0,
                predictedRate, predictedSpeedup, predictedSpeedup / 2, false, 0);
        return new Validation.Check(predicted, measuredRate, measuredSpeedup, Optional.empty());
    }

    /**
     * The machine ran 20 % slower than at calibration: every rate is off by +25 %, serial's too, while the speedups,
     * each over serial runs measured beside it, are predicted as measured.
     */
    @Test
    void theSpeedupErrorLeavesOutTheMachinesDriftThatTheRateErrorCarries() {
        List<Validation.Check> checks = List.of(check(Strategy.SERIAL, 1000, 1.0, 800, 1.0),
                check(Strategy.THREADS, 1800, 1.8, 1440, 1.8), check(Strategy.MPJ, 1500, 1.5, 1000, 1.25));

        assertEquals(0.25, checks.get(0).error(), 1e-12);
        assertTrue(Double.isNaN(checks.get(0).speedupError()), "serial is the speedups' baseline");
        assertEquals(0.0, checks.get(1).speedupError(), 1e-12);
        assertEquals(0.2, checks.get(2).speedupError(), 1e-12); // 1.5 predicted against 1.25 measured
        assertEquals(0.25, Validation.medianAbsoluteError(checks), 1e-12);
        assertEquals(0.1, Validation.medianAbsoluteSpeedupError(checks), 1e-12); // of 0 and 0.2; serial left out
    }
}
