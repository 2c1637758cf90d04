package org.scalelab.app.setup;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.scalelab.engine.config.TrainingConfig;

/**
 * The configuration fields the setup panel edits, by the names {@link TrainingConfig#validate} uses in its
 * messages, with the label shown to the user and how to put the default value back (see
 * {@link ExperimentViewModel}: resetting a faulty field lets validation go on and find the next one).
 */
public enum ExperimentField {
    DATASET("dataset", "Dataset", (builder, defaults) -> builder.dataset(defaults.dataset())),
    MODEL("model", "Architecture", (builder, defaults) -> builder.model(defaults.model())),
    STRATEGY("strategy", "Strategy", (builder, defaults) -> builder.strategy(defaults.strategy())),
    PROCESSES("processes", "Processes", (builder, defaults) -> builder.processes(defaults.processes())),
    THREADS("threads", "Threads", (builder, defaults) -> builder.threads(defaults.threads())),
    BATCH_SIZE("batchSize", "Batch size", (builder, defaults) -> builder.batchSize(defaults.batchSize())),
    LEARNING_RATE("learningRate", "Learning rate", (builder, defaults) -> builder.learningRate(defaults.learningRate())),
    EPOCHS("epochs", "Epochs", (builder, defaults) -> builder.epochs(defaults.epochs())),
    SEED("seed", "Seed", (builder, defaults) -> builder.seed(defaults.seed())),
    AVERAGING_PERIOD("averagingPeriod", "Average every K",
            (builder, defaults) -> builder.averagingPeriod(defaults.averagingPeriod())),
    HOSTS("hosts", "Host file", (builder, defaults) -> builder.hosts(defaults.hosts()));

    private final String configName;
    private final String label;
    private final BiConsumer<TrainingConfig.Builder, TrainingConfig> reset;

    ExperimentField(String configName, String label, BiConsumer<TrainingConfig.Builder, TrainingConfig> reset) {
        this.configName = configName;
        this.label = label;
        this.reset = reset;
    }

    public String label() {
        return label;
    }

    void reset(TrainingConfig.Builder builder) {
        reset.accept(builder, TrainingConfig.defaults());
    }

    /** The field a {@link org.scalelab.engine.config.ConfigException} names, if the panel edits it. */
    static Optional<ExperimentField> byConfigName(String name) {
        return Arrays.stream(values()).filter(field -> field.configName.equals(name)).findFirst();
    }

    String configName() {
        return configName;
    }
}
