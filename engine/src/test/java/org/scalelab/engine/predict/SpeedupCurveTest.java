package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunStarted;

/** A strategy's predicted curve: what grows, where its ranks go, and which runs have none. */
class SpeedupCurveTest {
    private final MachineCalibration calibration = ScalingModelTest.calibration(ScalingModelTest.TEN_PERCENT);
    private final ScalingModel model = new ScalingModel(calibration);

    @Test
    void ranksDoubleOnNewHostsLikeTheFirstAndTheGivenCountIsAPoint() {
        Scenario three = new Scenario("m", Strategy.MPJ, 3, 1, AllreduceAlgorithm.RING, 1, 2, LinkCost.of(20, 1, 0), 64,
                Scaling.STRONG, 6400, 1, false);
        List<Prediction> curve = SpeedupCurve.grow(model, three, 8);
        assertEquals(List.of(1, 2, 3, 4, 8), curve.stream().map(Prediction::procs).toList());
        assertEquals(List.of(1, 1, 1, 2, 3), curve.stream().map(Prediction::hosts).toList(), "three ranks to a host");
        assertEquals(model.predict(three), curve.get(2));
    }

    @Test
    void withoutRanksTheThreadsGrowAndSerialStaysAtOne() {
        Scenario threads = new Scenario("m", Strategy.THREADS, 1, 2, AllreduceAlgorithm.RING, 1, 2, null, 64,
                Scaling.STRONG, 6400, 1, false);
        assertEquals(List.of(1, 2, 4), SpeedupCurve.grow(model, threads, 4).stream().map(Prediction::threads).toList());
        Scenario serial = new Scenario("m", Strategy.SERIAL, 1, 1, AllreduceAlgorithm.RING, 1, 2, null, 64,
                Scaling.STRONG, 6400, 1, false);
        assertEquals(1, SpeedupCurve.grow(model, serial, 4).size());
    }

    @Test
    void aRunsCurveReachesThisMachinesCoresAndNamesTheCalibration() {
        TrainingConfig config = TrainingConfig.defaults().with(TrainingOptions.MODEL, "m")
                .with(TrainingOptions.STRATEGY, Strategy.THREADS).with(TrainingOptions.THREADS, 2);
        SpeedupCurve curve = SpeedupCurve.forRun(calibration, started(config)).orElseThrow();
        assertEquals("threads (predicted, calibrated 2026-12-04 00:00 UTC)", curve.label());
        assertEquals(List.of(1.0, 2.0), curve.workersAndSpeedup().stream().map(point -> point[0]).toList());
        assertTrue(SpeedupCurve.forRun(calibration, started(TrainingConfig.defaults().with(TrainingOptions.MODEL, "m")))
                .isEmpty(), "serial: nothing to grow");
        assertTrue(SpeedupCurve.forRun(calibration, started(config.with(TrainingOptions.MODEL, "cnn-1m"))).isEmpty(),
                "a model not calibrated");
    }

    private static RunStarted started(TrainingConfig config) {
        return new RunStarted("run", "2026-12-04T00:00:00Z", config, null, 0, null, 6400, 1000, null, null, false);
    }
}
