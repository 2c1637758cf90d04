package org.scalelab.engine.cli;

import org.scalelab.engine.bench.SyntheticStep;
import picocli.CommandLine.Option;

/** Options of the benchmarks that repeat one training step on a synthetic batch: {@code bench}, {@code bench layers}. */
final class SyntheticStepOptions {

    @Option(names = "--batch", paramLabel = "N", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batchSize = 64;

    @Option(names = "--steps", paramLabel = "N",
            description = "Timed steps per measurement, after as many warm-up steps (and at least "
                    + SyntheticStep.BENCH_WARMUP_SECONDS + " s of them). Default: ${DEFAULT-VALUE}.")
    int steps = 20;

    @Option(names = "--markdown", description = "Print a Markdown table (for docs/PERFORMANCE.md).")
    boolean markdown;

    long warmupMillis() {
        return SyntheticStep.BENCH_WARMUP_SECONDS * 1000L;
    }

    void check() {
        OptionChecks.atLeastOne("batchSize", batchSize);
        OptionChecks.atLeastOne("steps", steps);
    }
}
