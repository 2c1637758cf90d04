package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.model.GradientBuckets.Bucket;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * {@code predict --overlap}, worked by hand, on mlp-235k's layers (flatten, dense 200,960 floats, relu, dense 32,896,
 * relu, dense 1,290) with a hand-made calibration: per image, 0.15 ms for the first dense layer's two passes, 0.03 ms
 * for the second's, 0.015 ms for the third's, nothing else; niodev at 100 µs and 1 ns/B, as in {@link ScalingModelTest}.
 * Two MPJ ranks of 32 images each: compute 32 × 0.195 ms = 6.24 ms, and each layer's backward pass two thirds of its
 * time: 3.2 ms, 0.64 ms and 0.32 ms, from the last layer back, so the backward pass ends 4.16 ms after it starts.
 * A ring of 2 over F floats: 2 · (100 µs + F/2 · 4 B · 1 ns) = 200 µs + 4 F ns.
 */
public class OverlapScalingTest {
    private static final double EXACT = 1e-12;
    private final ScalingModel model = new ScalingModel(calibration(new MachineDescription("Test CPU", 2, 4, "Linux", "Java 17", 0)));

    private static Scenario twoRanks(int bucketKb) {
        return new Scenario("mlp-235k", Strategy.MPJ, 2, 1, AllreduceAlgorithm.RING, 1, 2, null, null, 64,
                Scaling.STRONG, 6400, 1, false, GradientCompression.NONE).withOverlap(bucketKb);
    }

    @Test
    void withoutOverlapTheWholeAllreduceFollowsTheBackwardPass() {
        // 235,146 floats: 200 µs + 940.584 µs
        Prediction after = model.predict(twoRanks(0));
        assertEquals(1.140584e-3, after.communicationSeconds(), EXACT);
        assertEquals(0, after.hiddenSeconds());
        // and the barrier before the allreduce, rank 1 up to rank 0 and back: 2·100 µs
        assertEquals(6.24e-3 + 1.140584e-3 + 0.2e-3, after.stepSeconds(), EXACT);
    }

    @Test
    void bucketsReadyBeforeTheBackwardPassEndsAreHiddenTheLastOneIsNot() {
        // 1 kB: a bucket per dense layer, from the last. 1,290 floats (205.16 µs) ready at 0.32 ms; 32,896 floats
        // (331.584 µs) at 0.96 ms; both done long before 4.16 ms: hidden, 536.744 µs. 200,960 floats (1,003.84 µs)
        // ready at 4.16 ms, when the backward pass ends: all of it waited for.
        Prediction small = model.predict(twoRanks(1));
        assertEquals(0.536744e-3, small.hiddenSeconds(), EXACT);
        assertEquals(1.00384e-3, small.communicationSeconds(), EXACT);
        assertEquals(6.24e-3 + 1.00384e-3, small.stepSeconds(), EXACT);
        // 64 kB: the last two dense layers together (34,186 floats, 336.744 µs) ready at 0.96 ms, hidden; the first
        // dense layer as before
        Prediction medium = model.predict(twoRanks(64));
        assertEquals(0.336744e-3, medium.hiddenSeconds(), EXACT);
        assertEquals(1.00384e-3, medium.communicationSeconds(), EXACT);
        // 1,024 kB holds every gradient: one bucket, ready when the backward pass ends, hides nothing
        Prediction whole = model.predict(twoRanks(1024));
        assertEquals(0, whole.hiddenSeconds(), EXACT);
        assertEquals(1.140584e-3, whole.communicationSeconds(), EXACT);
    }

    @Test
    void aBucketThatOutlastsTheBackwardPassDelaysTheNextOne() {
        // three layers whose backward passes take 0.5, 0.1 and 0.2 ms (in forward order: the last runs first), a
        // bucket each, of 0.3, 0.4 and 0.1 ms. First: ready at 0.2, 0.2 → 0.5; second ready at 0.3, starts at 0.5 →
        // 0.9; third ready at 0.8 (the end of the backward pass), starts at 0.9 → 1.0. Waited 0.2 ms; hidden 0.6 ms.
        List<Bucket> buckets = List.of(
                new Bucket(2, 3, 2),
                new Bucket(1, 2, 1),
                new Bucket(0, 1, 0));
        OverlapSchedule schedule = OverlapSchedule.of(buckets, new double[] {0.5e-3, 0.1e-3, 0.2e-3},
                new double[] {0.3e-3, 0.4e-3, 0.1e-3});
        assertEquals(0.2e-3, schedule.waitedSeconds(), EXACT);
        assertEquals(0.6e-3, schedule.hiddenSeconds(), EXACT);
    }

    @Test
    void aCalibrationWithoutTheModelsLayersCannotPredictOverlapAndSaysWhatToDo() {
        ScalingModel wholeStep = new ScalingModel(ScalingModelTest.calibration(StepDistribution.STEADY));
        Scenario m = new Scenario("m", Strategy.MPJ, 2, 1, AllreduceAlgorithm.RING, 1, 2, null, null, 64,
                Scaling.STRONG, 6400, 1, false, GradientCompression.NONE);
        assertEquals(0, wholeStep.predict(m).hiddenSeconds(), "without overlap the layers are not needed");
        Map<Transport, LinkCost> transports = calibration(MachineDescription.current()).transports();
        ComputeProfile oneFit = new ComputeProfile("mlp-235k", 235_146, List.of(layer("step", 1e-4)), new LinearFit(0, 0));
        ScalingModel coarse = new ScalingModel(new MachineCalibration(MachineDescription.current(), "2026-12-05T00:00:00Z",
                Map.of("mlp-235k", oneFit), transports, 0));
        CalibrationException e = assertThrows(CalibrationException.class, () -> coarse.predict(twoRanks(64)));
        assertEquals("the calibration of model mlp-235k does not time its 6 layers one by one, as an overlapped allreduce "
                + "or a pipeline needs: run scalelab predict calibrate --models mlp-235k", e.getMessage());
    }

    /**
     * {@link #calibration} of this machine saved as {@code calibration.json} in {@code folder}, for the command-line
     * tests of what needs layer times ({@code --overlap}, pipelines, async).
     */
    public static Path savedCalibration(Path folder) throws java.io.IOException {
        Path file = folder.resolve("calibration.json");
        calibration(MachineDescription.current()).save(file);
        return file;
    }

    /** The calibration worked with here, on {@code machine}: {@code predict --overlap}'s tests use it too. */
    public static MachineCalibration calibration(MachineDescription machine) {
        ComputeProfile profile = new ComputeProfile("mlp-235k", 235_146, List.of(
                layer("flatten", 0), layer("dense", 1.5e-4), layer("relu", 0), layer("dense", 3e-5), layer("relu", 0),
                layer("dense", 1.5e-5), layer("input, loss and update", 0)), new LinearFit(0, 0));
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            transports.put(transport, transport == Transport.THREADS ? new LinkCost(0, 0, 0) : new LinkCost(100e-6, 1e-9, 0));
        }
        return new MachineCalibration(machine, "2026-12-05T00:00:00Z", Map.of("mlp-235k", profile), transports, 0);
    }

    private static LayerFit layer(String kind, double secondsPerImage) {
        return new LayerFit(kind, new LinearFit(0, secondsPerImage), 0);
    }
}
