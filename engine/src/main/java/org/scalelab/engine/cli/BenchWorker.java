package org.scalelab.engine.cli;

import org.scalelab.engine.bench.ModelBenchmark;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.training.EnvironmentInfo;
import org.scalelab.engine.training.Models;
import org.scalelab.engine.training.ParentWatch;

/**
 * Measures one model in a JVM of its own, because the native thread count can only be set before a JVM
 * starts. Arguments: model, batch size, steps, thread count (for the record: the parent sets
 * {@code OMP_NUM_THREADS}). Prints one {@link BenchMeasurement} as the last line of JSON.
 */
final class BenchWorker {
    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.exitWhenParentGoes();
        Architecture architecture = Models.resolve(args[0]);
        int batchSize = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        ModelBenchmark.Result result = ModelBenchmark.measure(architecture, batchSize, steps);
        System.out.println(Json.mapper().writeValueAsString(new BenchMeasurement(architecture.name(),
                architecture.parameterCount(),
                threads, batchSize, steps, result.medianStepMillis(), result.imagesPerSecond(),
                EnvironmentInfo.current())));
        System.exit(0);
    }
}
