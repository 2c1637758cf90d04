package org.scalelab.engine.strategies;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.parallel.launch.HostFile;
import org.scalelab.engine.parallel.launch.HostFileException;
import org.scalelab.engine.parallel.launch.HostSlot;

/** Picks the trainer for a configuration's strategy, and says which strategies can run on this machine. */
public final class Trainers {
    private Trainers() {
    }

    /**
     * @param catalog where ranks in other processes open the dataset (the catalog the run's plan loads from)
     * @throws ConfigException naming the strategy, with what is missing and the remedy, when it cannot run here;
     *                         naming the hosts file, its line and the problem, when that cannot be used
     */
    public static Trainer forConfig(TrainingConfig config, DatasetCatalog catalog) {
        hostsOf(config);
        Optional<String> unavailable = whyUnavailable(config.parallelism().strategy(), config.parallelism().processes());
        if (unavailable.isPresent()) {
            throw new ConfigException("strategy", config.parallelism().strategy(), unavailable.get());
        }
        return config.parallelism().strategy().needsMpj(config.parallelism().processes()) ? new MpjTrainer(catalog) : new InProcessTrainer();
    }

    /**
     * The machines of the run's hosts file, read, checked and resolved; none when the run stays on this machine.
     *
     * @throws HostFileException naming the file, its line and the problem
     */
    static List<HostSlot> hostsOf(TrainingConfig config) {
        String hosts = config.placement().hosts();
        if (hosts == null) {
            return List.of();
        }
        try {
            return HostFile.read(Path.of(hosts));
        } catch (InvalidPathException e) {
            throw new ConfigException(TrainingOptions.HOSTS.key(), hosts, "is not a valid path (" + e.getReason() + ")");
        }
    }

    /** Empty when {@code strategy} can run here with {@code processes} processes; otherwise why not and the remedy. */
    public static Optional<String> whyUnavailable(Strategy strategy, int processes) {
        if (!strategy.needsMpj(processes)) {
            return Optional.empty();
        }
        return MpjTrainer.deviceFor(strategy).unavailableReason();
    }
}
