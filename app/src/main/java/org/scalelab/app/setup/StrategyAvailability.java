package org.scalelab.app.setup;

import java.util.Optional;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.strategies.Trainers;

/**
 * Whether a strategy can run on this machine with a number of processes. The engine's check looks for MPJ
 * Express; tests pass their own so they can see the panel on a machine with or without it.
 */
@FunctionalInterface
public interface StrategyAvailability {
    /** What this machine has: {@link Trainers#whyUnavailable}. */
    StrategyAvailability ENGINE = Trainers::whyUnavailable;

    /** Empty when it can run; otherwise why not, with the remedy. */
    Optional<String> whyUnavailable(Strategy strategy, int processes);
}
