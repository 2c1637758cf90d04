package org.scalelab.engine.strategies;

import java.util.Optional;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;

/** Picks the trainer for a configuration's strategy, and says which strategies can run on this machine. */
public final class Trainers {
    private Trainers() {
    }

    /**
     * @param catalog where ranks in other processes open the dataset (the catalog the run's plan loads from)
     * @throws ConfigException naming the strategy, with what is missing and the remedy, when it cannot run here
     */
    public static Trainer forConfig(TrainingConfig config, DatasetCatalog catalog) {
        Optional<String> unavailable = whyUnavailable(config.parallelism().strategy(), config.parallelism().processes());
        if (unavailable.isPresent()) {
            throw new ConfigException("strategy", config.parallelism().strategy(), unavailable.get());
        }
        return config.parallelism().strategy().needsMpj(config.parallelism().processes()) ? new MpjTrainer(catalog) : new InProcessTrainer();
    }

    /** Empty when {@code strategy} can run here with {@code processes} processes; otherwise why not and the remedy. */
    public static Optional<String> whyUnavailable(Strategy strategy, int processes) {
        if (!strategy.needsMpj(processes)) {
            return Optional.empty();
        }
        return MpjTrainer.deviceFor(strategy).unavailableReason();
    }
}
