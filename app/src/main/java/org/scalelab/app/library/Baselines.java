package org.scalelab.app.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.training.Strategy;
import org.scalelab.engine.training.TrainingConfig;

/**
 * Finds the serial run a configuration's speedup is measured against: the newest finished serial run of the
 * same dataset, model and batch size (the settings that decide the work per image and per step).
 */
public final class Baselines {
    private final List<RunRecord> records;

    /** @param records newest first, as the run store lists them */
    public Baselines(List<RunRecord> records) {
        this.records = List.copyOf(records);
    }

    public Optional<RunRecord> find(TrainingConfig config) {
        return records.stream()
                .filter(r -> r.status() == RunStatus.FINISHED && r.config() != null)
                .filter(r -> r.config().strategy() == Strategy.SERIAL)
                .filter(r -> Objects.equals(r.config().dataset(), config.dataset())
                        && Objects.equals(r.config().model(), config.model())
                        && r.config().batchSize() == config.batchSize())
                .findFirst();
    }

    /** The baseline's training throughput, images per second. */
    public OptionalDouble throughput(TrainingConfig config) {
        return find(config).map(r -> OptionalDouble.of(r.summary().imagesPerSecond())).orElse(OptionalDouble.empty());
    }

    /** The configuration of the serial baseline that {@code config} needs, to run it when none is saved. */
    public static TrainingConfig baselineFor(TrainingConfig config) {
        return config.toBuilder().strategy(Strategy.SERIAL).processes(1).threads(1).build();
    }
}
