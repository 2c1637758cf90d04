package org.scalelab.app.setup;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;

/**
 * The experiment being set up: every field as the user typed it, the problems found at each field, the
 * reason Run is blocked (if it is) and a warning when the native threads outnumber the cores. Problems come
 * from the engine's own validation, so the panel and the command line reject the same values with the same words.
 * Fields the chosen strategy does not read are disabled and hold their neutral value.
 */
public final class ExperimentViewModel {
    private final DatasetViewModel datasets;
    private final ArchitectureViewModel architectures;
    private final int cores;
    private final StrategyAvailability availability;
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.SERIAL);
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(Scaling.STRONG);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(OptimizerKind.MOMENTUM);
    private final ObjectProperty<AllreduceAlgorithm> allreduce = new SimpleObjectProperty<>(AllreduceAlgorithm.RING);
    private final BooleanProperty oncePerEpoch = new SimpleBooleanProperty();
    private final BooleanProperty viaMaster = new SimpleBooleanProperty();
    private final Map<ExperimentField, StringProperty> texts = new EnumMap<>(ExperimentField.class);
    private final ObservableMap<ExperimentField, String> problems = FXCollections.observableMap(new EnumMap<>(ExperimentField.class));
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private TrainingConfig config;

    /** @param cores logical cores of this machine, against which the native threads of a run are checked */
    public ExperimentViewModel(DatasetViewModel datasets, ArchitectureViewModel architectures, int cores) {
        this(datasets, architectures, cores, StrategyAvailability.ENGINE);
    }

    /** @param availability which strategies can run here (tests stand in for a machine with or without MPJ) */
    public ExperimentViewModel(DatasetViewModel datasets, ArchitectureViewModel architectures, int cores,
                               StrategyAvailability availability) {
        this.datasets = datasets;
        this.architectures = architectures;
        this.cores = cores;
        this.availability = availability;
        text(ExperimentField.PROCESSES, "1");
        text(ExperimentField.THREADS, "1");
        text(ExperimentField.BATCH_SIZE, "64");
        text(ExperimentField.LEARNING_RATE, "0.01");
        text(ExperimentField.EPOCHS, "3");
        text(ExperimentField.SEED, "1");
        text(ExperimentField.AVERAGING_PERIOD, "1");
        text(ExperimentField.HOSTS, "");
        strategy.addListener((o, before, now) -> neutraliseUnusedFields(now));
        Observable[] inputs = {strategy, scaling, optimizer, allreduce, oncePerEpoch, viaMaster,
                datasets.selectedProperty(), architectures.selectedProperty()};
        for (Observable input : inputs) {
            input.addListener(o -> validate());
        }
        texts.values().forEach(text -> text.addListener(o -> validate()));
        validate();
    }

    /** The text of a typed field: processes, threads, batch size, learning rate, epochs or seed. */
    public StringProperty text(ExperimentField field) {
        return texts.get(field);
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public ObjectProperty<AllreduceAlgorithm> allreduceProperty() {
        return allreduce;
    }

    /** Parameter averaging once at the end of each epoch instead of every K steps. */
    public BooleanProperty oncePerEpochProperty() {
        return oncePerEpoch;
    }

    /** Parameter averaging through rank 0 instead of an allreduce. */
    public BooleanProperty viaMasterProperty() {
        return viaMaster;
    }

    /** Whether the chosen strategy reads the processes field. */
    public BooleanBinding processesUsed() {
        return usedBy(StrategyFields::usesProcesses);
    }

    /** Whether the chosen strategy reads the threads field. */
    public BooleanBinding threadsUsed() {
        return usedBy(StrategyFields::usesThreads);
    }

    /** Whether the chosen strategy sums by an MPJ allreduce whose algorithm can be chosen. */
    public BooleanBinding allreduceUsed() {
        return usedBy(StrategyFields::usesAllreduce);
    }

    /** Whether the chosen strategy averages parameters (period K, via master). */
    public BooleanBinding averagingUsed() {
        return usedBy(StrategyFields::averages);
    }

    /** Whether the host file applies: only strategies that start MPJ processes can spread them over machines. */
    public BooleanBinding hostsUsed() {
        return Bindings.createBooleanBinding(() -> strategy.get().launchesProcesses(parsedProcesses()), strategy,
                text(ExperimentField.PROCESSES));
    }

    /** What P means for the chosen strategy. */
    public StringBinding processesHint() {
        return Bindings.createStringBinding(() -> StrategyFields.processesHint(strategy.get()), strategy);
    }

    /** What T means for the chosen strategy. */
    public StringBinding threadsHint() {
        return Bindings.createStringBinding(() -> StrategyFields.threadsHint(strategy.get()), strategy);
    }

    /** The problem at each faulty field, in the engine's words with the field's label. */
    public ObservableMap<ExperimentField, String> problems() {
        return problems;
    }

    /** Why Run is disabled, or empty when the experiment can run. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    /** Not blocking, but worth knowing: more native threads than cores, shown at the threads field. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The configuration to run, when every field is valid. */
    public Optional<TrainingConfig> config() {
        return Optional.ofNullable(config);
    }

    /**
     * Why a strategy cannot run on this machine at all (MPJ Express missing, …), in the engine's words including
     * the remedy; empty when it can run in its smallest form (param-avg with one process needs no MPJ).
     */
    public Optional<String> unavailability(Strategy candidate) {
        return availability.whyUnavailable(candidate, 1);
    }

    /** Puts a whole configuration into the fields (e.g. to repeat a saved run or set up its baseline). */
    public void load(TrainingConfig source) {
        strategy.set(source.strategy());
        scaling.set(source.scaling());
        optimizer.set(source.optimizer());
        text(ExperimentField.PROCESSES).set(String.valueOf(source.processes()));
        text(ExperimentField.THREADS).set(String.valueOf(source.threads()));
        text(ExperimentField.BATCH_SIZE).set(String.valueOf(source.batchSize()));
        text(ExperimentField.LEARNING_RATE).set(String.valueOf(source.learningRate()));
        text(ExperimentField.EPOCHS).set(String.valueOf(source.epochs()));
        text(ExperimentField.SEED).set(String.valueOf(source.seed()));
        allreduce.set(source.allreduce());
        viaMaster.set(source.viaMaster());
        oncePerEpoch.set(source.averagingPeriod() == 0);
        text(ExperimentField.AVERAGING_PERIOD).set(String.valueOf(Math.max(1, source.averagingPeriod())));
        text(ExperimentField.HOSTS).set(source.hosts() == null ? "" : source.hosts());
    }

    private BooleanBinding usedBy(Predicate<Strategy> uses) {
        return Bindings.createBooleanBinding(() -> uses.test(strategy.get()), strategy);
    }

    /** A field the new strategy ignores goes back to 1, so its old value can neither block Run nor mislead. */
    private void neutraliseUnusedFields(Strategy now) {
        if (!StrategyFields.usesProcesses(now)) {
            text(ExperimentField.PROCESSES).set("1");
        }
        if (!StrategyFields.usesThreads(now)) {
            text(ExperimentField.THREADS).set("1");
        }
        if (!StrategyFields.averages(now)) {
            viaMaster.set(false);
        }
    }

    private int parsedProcesses() {
        return FieldParser.quietInteger(text(ExperimentField.PROCESSES).get()).orElse(1);
    }

    private void text(ExperimentField field, String initial) {
        texts.put(field, new SimpleStringProperty(initial));
    }

    private void validate() {
        Map<ExperimentField, String> found = new EnumMap<>(ExperimentField.class);
        TrainingConfig.Builder builder = TrainingConfig.builder()
                .dataset(datasets.selectedName())
                .model(architectures.modelReference())
                .strategy(strategy.get())
                .scaling(scaling.get())
                .optimizer(optimizer.get())
                .allreduce(allreduce.get())
                .viaMaster(viaMaster.get() && StrategyFields.averages(strategy.get()));
        FieldParser parser = new FieldParser(texts, found);
        parser.integer(ExperimentField.PROCESSES).ifPresent(builder::processes);
        parser.integer(ExperimentField.THREADS).ifPresent(builder::threads);
        parser.integer(ExperimentField.BATCH_SIZE).ifPresent(builder::batchSize);
        parser.integer(ExperimentField.EPOCHS).ifPresent(builder::epochs);
        parser.decimal(ExperimentField.LEARNING_RATE).ifPresent(builder::learningRate);
        parser.whole(ExperimentField.SEED).ifPresent(builder::seed);
        if (oncePerEpoch.get()) {
            builder.averagingPeriod(0);
        } else if (StrategyFields.averages(strategy.get())) {
            parser.integer(ExperimentField.AVERAGING_PERIOD).ifPresent(builder::averagingPeriod);
        }
        hostFile(found).ifPresent(builder::hosts);
        if (datasets.missingProperty().get()) {
            found.put(ExperimentField.DATASET, datasets.selectedName() + " is not here yet: download or import it first");
        }
        availability.whyUnavailable(strategy.get(), parsedProcesses())
                .ifPresent(reason -> found.put(ExperimentField.STRATEGY, reason));
        collectEngineProblems(builder, found);

        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
        config = found.isEmpty() ? builder.build() : null;
        blockedReason.set(found.entrySet().stream().findFirst()
                .map(problem -> problem.getKey().label() + ": " + problem.getValue()).orElse(""));
        warning.set(oversubscription());
    }

    /** The host file when it applies and was given; a path that names no file is a problem at the field. */
    private Optional<String> hostFile(Map<ExperimentField, String> found) {
        String typed = text(ExperimentField.HOSTS).get().strip();
        if (typed.isEmpty() || !strategy.get().launchesProcesses(parsedProcesses())) {
            return Optional.empty();
        }
        try {
            if (Files.isRegularFile(Path.of(typed))) {
                return Optional.of(typed);
            }
        } catch (InvalidPathException e) {
            // reported below like any other path that names no file
        }
        found.put(ExperimentField.HOSTS, "there is no file " + typed);
        return Optional.empty();
    }

    /**
     * {@link TrainingConfig#validate} stops at the first faulty field. Resetting that field to its default
     * and validating again finds the next one, so every faulty field is marked at once.
     */
    private static void collectEngineProblems(TrainingConfig.Builder builder, Map<ExperimentField, String> found) {
        found.keySet().forEach(field -> field.reset(builder));
        for (int attempt = 0; attempt <= ExperimentField.values().length; attempt++) {
            try {
                builder.build().validate();
                return;
            } catch (ConfigException e) {
                ExperimentField field = ExperimentField.byConfigName(e.field()).orElse(ExperimentField.STRATEGY);
                found.putIfAbsent(field, e.messageFor(field.label()));
                field.reset(builder);
            }
        }
    }

    /**
     * Counts what actually competes for the cores: every worker's native threads (a threads worker has one, an
     * intra-op worker or an MPJ rank has T), not P × T, which overcounts hybrid runs and undercounts none.
     */
    private String oversubscription() {
        Optional<Integer> processes = FieldParser.quietInteger(text(ExperimentField.PROCESSES).get());
        Optional<Integer> threads = FieldParser.quietInteger(text(ExperimentField.THREADS).get());
        if (processes.isEmpty() || threads.isEmpty() || processes.get() < 1 || threads.get() < 1) {
            return "";
        }
        Strategy chosen = strategy.get();
        int workers = chosen.workers(processes.get(), threads.get());
        long nativeThreads = (long) workers * chosen.nativeThreadsPerWorker(threads.get());
        if (nativeThreads <= cores) {
            return "";
        }
        String what = workers == nativeThreads ? nativeThreads + " workers"
                : nativeThreads + " native threads (" + workers + " workers × " + chosen.nativeThreadsPerWorker(threads.get()) + ")";
        return what + " on " + cores + " cores: they will share cores, so timings will not show the speedup this configuration could reach";
    }
}
