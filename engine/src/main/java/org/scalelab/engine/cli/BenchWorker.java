package org.scalelab.engine.cli;

import org.scalelab.engine.bench.GemmPeak;
import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.bench.ModelBenchmark;
import org.scalelab.engine.bench.SideBySide;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.parallel.launch.ParentWatch;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.training.Models;

/**
 * Measures one model in a JVM of its own, so that each thread count starts from the same fresh JVM (its JIT, its
 * native pools). Arguments: {@link Mode}, model, batch size, steps, thread count, which the measuring thread is given
 * as an {@code intra-op} worker is ({@link BenchChild}). Prints the measurement as the last line, in JSON.
 */
final class BenchWorker {
    enum Mode {
        /** Images per second: a {@link BenchMeasurement}. */
        SPEED,
        /** Time per layer: a {@link LayerMeasurement}. */
        LAYERS,
        /** The sgemm peak: a {@link PeakMeasurement}; the batch size argument is the matrices' side. */
        PEAK,
        /**
         * Steps alone and beside a second worker: a {@link SideBySide.Result}; the steps argument is its rounds, and it
         * warms up for its own fixed time.
         */
        SIDE_BY_SIDE
    }

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.exitWhenParentGoes();
        Mode mode = Mode.valueOf(args[0]);
        int batchSize = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        long warmupMillis = Long.parseLong(args[5]);
        IntraOpThreads.useOnThisThread(threads);
        Object measurement = switch (mode) {
            case SPEED -> {
                Architecture architecture = Models.resolve(args[1]);
                ModelBenchmark.Result result = ModelBenchmark.measure(architecture, batchSize, steps, warmupMillis);
                yield new BenchMeasurement(architecture.name(), architecture.parameterCount(), threads, batchSize, steps,
                        result.medianStepMillis(), result.imagesPerSecond(),
                        LayerBenchmark.flopsPerStep(architecture, batchSize) / (result.medianStepMillis() * 1e6),
                        EnvironmentInfo.current());
            }
            case LAYERS -> new LayerMeasurement(threads,
                    LayerBenchmark.measure(Models.resolve(args[1]), batchSize, steps, warmupMillis), EnvironmentInfo.current());
            case PEAK -> new PeakMeasurement(threads, GemmPeak.measure(batchSize), EnvironmentInfo.current());
            case SIDE_BY_SIDE -> SideBySide.measure(Models.resolve(args[1]), batchSize, steps);
        };
        System.out.println(Json.mapper().writeValueAsString(measurement));
        System.exit(0);
    }
}
