package org.scalelab.engine.bench;

import java.util.Locale;
import org.scalelab.engine.training.Strategy;

/**
 * One strategy at one size: P processes × T threads, which means P·T cores busy for every strategy
 * ({@link Strategy} says whether T counts worker threads or native threads).
 */
public record ScalingCase(Strategy strategy, int processes, int threads) {

    /** The serial baseline every case is compared with. */
    public static final ScalingCase SERIAL = new ScalingCase(Strategy.SERIAL, 1, 1);

    /**
     * {@code strategy} spread over {@code cores} cores: threads for the in-JVM strategies, processes for the MPJ
     * ones; hybrid puts two ranks of {@code cores / 2} threads each from 4 cores up, one rank of threads below.
     */
    public static ScalingCase of(Strategy strategy, int cores) {
        return switch (strategy) {
            case SERIAL -> SERIAL;
            case INTRA_OP, THREADS -> new ScalingCase(strategy, 1, cores);
            case HYBRID -> cores >= 4 && cores % 2 == 0 ? new ScalingCase(strategy, 2, cores / 2) : new ScalingCase(strategy, 1, cores);
            case MPJ, MPJ_MULTICORE, PARAM_AVG -> new ScalingCase(strategy, cores, 1);
        };
    }

    public int cores() {
        return processes * threads;
    }

    /** {@code mpj 2×1}: how tables name the case. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d×%d", strategy, processes, threads);
    }
}
