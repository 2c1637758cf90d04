package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.predict.Calibrator;

/**
 * The calibration's measurements, each in a JVM of its own with its native thread count, as {@code bench layers} and
 * {@code bench} run them: what {@code scalelab predict calibrate} and the workbench's "Calibrate this machine" use.
 */
public final class ChildJvmMeasurements implements Calibrator.Measurements {
    private static final int STEPS = 10;
    private static final int SPREAD_STEPS = 40;

    @Override
    public LayerBenchmark.Result layers(String model, int batch) throws IOException, InterruptedException {
        return BenchChild.measure(BenchWorker.Mode.LAYERS, model, batch, STEPS, 1, LayerMeasurement.class,
                quiet()).result();
    }

    @Override
    public double[] stepMedianAndSpread(String model, int batch) throws IOException, InterruptedException {
        BenchMeasurement measurement = BenchChild.measure(BenchWorker.Mode.SPEED, model, batch, SPREAD_STEPS, 1,
                BenchMeasurement.class, quiet());
        return new double[] {measurement.medianStepMillis(), measurement.stepSpreadMillis()};
    }

    /** The progress bar says what is measured; the child's own "Measuring …" line would break it. */
    private static PrintWriter quiet() {
        return new PrintWriter(PrintWriter.nullWriter());
    }
}
