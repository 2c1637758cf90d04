package org.scalelab.engine.bench;

import java.util.Locale;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;

/**
 * One strategy at one size: P processes × T threads, which means P·T cores busy for every strategy
 * ({@link Strategy} says whether T counts worker threads or native threads); where ranks in separate
 * processes sum their gradients, the allreduce algorithm they use; where the ranks split the layers, the
 * microbatches each global batch flows through them in.
 */
public record ScalingCase(Strategy strategy, int processes, int threads, AllreduceAlgorithm allreduce, int microbatches) {
    private static final AllreduceAlgorithm DEFAULT_ALLREDUCE = TrainingConfig.defaults().parallelism().allreduce();
    private static final int DEFAULT_MICROBATCHES = TrainingOptions.MICROBATCHES.defaultValue();

    /** The serial baseline every case is compared with. */
    public static final ScalingCase SERIAL = new ScalingCase(Strategy.SERIAL, 1, 1);

    /** A case with the default allreduce algorithm and microbatches. */
    public ScalingCase(Strategy strategy, int processes, int threads) {
        this(strategy, processes, threads, DEFAULT_ALLREDUCE, DEFAULT_MICROBATCHES);
    }

    /**
     * {@code strategy} spread over {@code cores} cores: threads for the in-JVM strategies, processes for the MPJ
     * ones; hybrid puts two ranks of {@code cores / 2} threads each from 4 cores up, one rank of threads below.
     */
    public static ScalingCase of(Strategy strategy, int cores) {
        return switch (strategy) {
            case SERIAL -> SERIAL;
            case INTRA_OP, THREADS -> new ScalingCase(strategy, 1, cores);
            case HYBRID -> cores >= 4 && cores % 2 == 0 ? new ScalingCase(strategy, 2, cores / 2) : new ScalingCase(strategy, 1, cores);
            case MPJ, MPJ_MULTICORE, PARAM_AVG, PIPELINE -> new ScalingCase(strategy, cores, 1);
            // A worker per core, and the parameter server, which mostly waits for them, on top.
            case ASYNC -> new ScalingCase(strategy, cores + 1, 1);
        };
    }

    /** This case with another allreduce, where processes sum over one; otherwise this case, for it has no choice. */
    public ScalingCase withAllreduce(AllreduceAlgorithm algorithm) {
        return sumsAcrossProcesses() ? new ScalingCase(strategy, processes, threads, algorithm, microbatches) : this;
    }

    /** This case with another count of microbatches, where the ranks split the layers; otherwise this case. */
    public ScalingCase withMicrobatches(int count) {
        return strategy.splitsLayers() ? new ScalingCase(strategy, processes, threads, allreduce, count) : this;
    }

    public int cores() {
        return processes * threads;
    }

    /**
     * Async's ranks exchange through their server and a pipeline's stages pass activations on, neither by an
     * allreduce: one case is enough whatever the algorithm.
     */
    private boolean sumsAcrossProcesses() {
        return strategy.launchesProcesses(processes) && processes > 1 && strategy.servingRanks() == 0
                && !strategy.splitsLayers();
    }

    /**
     * {@code mpj 2×1}, followed by the allreduce when it is not the default, and a pipeline's microbatches when they
     * are not (as {@link org.scalelab.engine.config.Parallelism#shape} writes them: {@code pipeline 2×1×8M}): how
     * tables name the case.
     */
    @Override
    public String toString() {
        String name = String.format(Locale.ROOT, "%s %d×%d", strategy, processes, threads);
        if (sumsAcrossProcesses() && allreduce != DEFAULT_ALLREDUCE) {
            name += " " + allreduce;
        }
        return strategy.splitsLayers() && microbatches != DEFAULT_MICROBATCHES ? name + "×" + microbatches + "M" : name;
    }
}
