package org.scalelab.engine.cli;

import picocli.CommandLine.Option;

/** Options of the benchmarks that repeat one training step on a synthetic batch: {@code bench}, {@code bench layers}. */
final class SyntheticStepOptions {
    /**
     * How long these benchmarks warm up at least, whatever the step count: C2 compiles a method after thousands of calls,
     * and 40 warm-up steps of mlp-235k (1 ms each) left it at 31 % of peak where 1,000 reached 61 % (docs/PERFORMANCE.md).
     */
    static final int WARMUP_SECONDS = 3;

    @Option(names = "--batch", paramLabel = "N", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batchSize = 64;

    @Option(names = "--steps", paramLabel = "N",
            description = "Timed steps per measurement, after as many warm-up steps (and at least "
                    + WARMUP_SECONDS + " s of them). Default: ${DEFAULT-VALUE}.")
    int steps = 20;

    @Option(names = "--markdown", description = "Print a Markdown table (for docs/PERFORMANCE.md).")
    boolean markdown;

    long warmupMillis() {
        return WARMUP_SECONDS * 1000L;
    }

    void check() {
        OptionChecks.atLeastOne("batchSize", batchSize);
        OptionChecks.atLeastOne("steps", steps);
    }
}
