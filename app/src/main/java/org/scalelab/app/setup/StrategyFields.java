package org.scalelab.app.setup;

import java.util.EnumSet;
import java.util.Set;
import org.scalelab.engine.config.Strategy;

/**
 * Which parallelism fields a strategy reads and what processes (P) and threads (T) mean for it, as
 * {@link Strategy} documents them. The setup panel enables only the fields that change the run, so a user never
 * types a value the engine would ignore.
 */
final class StrategyFields {
    private static final Set<Strategy> WITH_PROCESSES =
            EnumSet.of(Strategy.MPJ, Strategy.HYBRID, Strategy.MPJ_MULTICORE, Strategy.PARAM_AVG);
    /** Strategies whose ranks sum gradients by an MPJ allreduce, where the algorithm can be chosen. */
    private static final Set<Strategy> WITH_ALLREDUCE = EnumSet.of(Strategy.MPJ, Strategy.HYBRID, Strategy.MPJ_MULTICORE);

    private StrategyFields() {
    }

    static boolean usesProcesses(Strategy strategy) {
        return WITH_PROCESSES.contains(strategy);
    }

    static boolean usesThreads(Strategy strategy) {
        return strategy != Strategy.SERIAL;
    }

    static boolean usesAllreduce(Strategy strategy) {
        return WITH_ALLREDUCE.contains(strategy);
    }

    static boolean averages(Strategy strategy) {
        return strategy == Strategy.PARAM_AVG;
    }

    static String processesHint(Strategy strategy) {
        return switch (strategy) {
            case MPJ, HYBRID -> "P: MPJ ranks, each a JVM of its own";
            case MPJ_MULTICORE -> "P: MPJ ranks as threads of this JVM (smpdev)";
            case PARAM_AVG -> "P: ranks; 1 keeps every worker in this JVM";
            default -> "P: always 1 for " + strategy;
        };
    }

    static String threadsHint(Strategy strategy) {
        return switch (strategy) {
            case SERIAL -> "T: always 1 for serial";
            case INTRA_OP -> "T: native threads of the one worker's operations";
            case THREADS -> "T: workers in this JVM, one native thread each";
            case MPJ, MPJ_MULTICORE -> "T: native threads per rank";
            case HYBRID -> "T: worker threads per rank";
            case PARAM_AVG -> "T: workers per rank, each stepping on its own";
        };
    }
}
