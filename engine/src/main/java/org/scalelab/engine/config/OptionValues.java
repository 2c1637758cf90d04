package org.scalelab.engine.config;

import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration being put together option by option, from defaults, a command line, the workbench's fields or
 * a plan file; {@link #build} turns it into the nested {@link TrainingConfig}. Not checked until
 * {@link TrainingConfig#validate}.
 */
public final class OptionValues {
    private final Map<TrainingOption<?>, Object> values = new LinkedHashMap<>();

    private OptionValues() {
    }

    /** Every option at its default. */
    public static OptionValues defaults() {
        OptionValues result = new OptionValues();
        TrainingOptions.ALL.forEach(result::reset);
        return result;
    }

    /** The options of an existing configuration, to change some of them. */
    public static OptionValues of(TrainingConfig config) {
        OptionValues result = new OptionValues();
        TrainingOptions.ALL.forEach(option -> result.values.put(option, option.valueIn(config)));
        return result;
    }

    public <T> OptionValues set(TrainingOption<T> option, T value) {
        values.put(option, value);
        return this;
    }

    /**
     * Reads {@code text} as the option's type (not yet checking its range).
     *
     * @throws ConfigException naming the option when the text is not of its type
     */
    public OptionValues setText(TrainingOption<?> option, String text) {
        values.put(option, option.type().parse(option.key(), text));
        return this;
    }

    /** Puts the option back to its default. */
    public OptionValues reset(TrainingOption<?> option) {
        values.put(option, option.defaultValue());
        return this;
    }

    @SuppressWarnings("unchecked") // every value was put by set(option, T), setText or reset, all of the option's type
    public <T> T get(TrainingOption<T> option) {
        return (T) values.get(option);
    }

    public TrainingConfig build() {
        return new TrainingConfig(
                new DataSettings(get(DATASET), get(AUGMENT)),
                new ModelSettings(get(MODEL), get(SEED)),
                new ScheduleSettings(get(EPOCHS), get(BATCH), get(STEPS_PER_EPOCH), get(LR), get(SCHEDULE),
                        get(STEP_SIZE), get(GAMMA)),
                new OptimizerSettings(get(OPTIMIZER), get(MOMENTUM), get(BETA1), get(BETA2), get(EPSILON),
                        get(WEIGHT_DECAY)),
                new Parallelism(get(STRATEGY), get(PROCS), get(THREADS), get(SCALING), get(AVERAGE_EVERY),
                        get(VIA_MASTER), get(ALLREDUCE), get(COMPRESS), get(ERROR_FEEDBACK), get(OVERLAP), get(BUCKET_KB),
                        get(MICROBATCHES), get(MAX_STALENESS)),
                new Placement(get(HOSTS), get(RANK_TIMEOUT), get(ALLOW_OVERSUBSCRIBE)),
                new Recovery(get(CHECKPOINT_EVERY), get(RESTART_ON_FAILURE), get(MIN_PROCS), get(INJECT_FAULT)));
    }
}
