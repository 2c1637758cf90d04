package org.scalelab.engine.training;

/** Picks the trainer for a configuration's strategy. */
public final class Trainers {
    private Trainers() {
    }

    /** @throws ConfigException for strategies this version cannot run yet */
    public static Trainer forConfig(TrainingConfig config) {
        if (config.strategy() == Strategy.SERIAL) {
            return new SerialTrainer();
        }
        throw new ConfigException("strategy", config.strategy(),
                "not available yet; this version trains with strategy " + Strategy.SERIAL + " only");
    }
}
