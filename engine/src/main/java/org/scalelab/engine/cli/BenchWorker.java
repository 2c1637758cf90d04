package org.scalelab.engine.cli;

import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.bench.ModelBenchmark;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.parallel.launch.ParentWatch;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.training.Models;

/**
 * Measures one model in a JVM of its own, because the native thread count can only be set before a JVM
 * starts. Arguments: {@link Mode}, model, batch size, steps, thread count (for the record: the parent sets
 * {@code OMP_NUM_THREADS}). Prints the measurement as the last line, in JSON.
 */
final class BenchWorker {
    enum Mode {
        /** Images per second: a {@link BenchMeasurement}. */
        SPEED,
        /** Time per layer: a {@link LayerMeasurement}. */
        LAYERS
    }

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.exitWhenParentGoes();
        Mode mode = Mode.valueOf(args[0]);
        Architecture architecture = Models.resolve(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        Object measurement = switch (mode) {
            case SPEED -> {
                ModelBenchmark.Result result = ModelBenchmark.measure(architecture, batchSize, steps);
                yield new BenchMeasurement(architecture.name(), architecture.parameterCount(), threads, batchSize, steps,
                        result.medianStepMillis(), result.stepSpreadMillis(), result.imagesPerSecond(), EnvironmentInfo.current());
            }
            case LAYERS -> new LayerMeasurement(threads, LayerBenchmark.measure(architecture, batchSize, steps),
                    EnvironmentInfo.current());
        };
        System.out.println(Json.mapper().writeValueAsString(measurement));
        System.exit(0);
    }
}
