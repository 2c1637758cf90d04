package org.scalelab.app.setup;

import static org.scalelab.engine.config.TrainingOptions.*;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.util.StringConverter;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetSummary;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.training.RunPlan;

/**
 * The experiment being set up: every training option as the user typed it (starting at the defaults that
 * {@link TrainingOptions} declares for the command line too), the problems found at each, the reason Run is
 * blocked (if it is) and a warning when the native threads outnumber the cores. Problems come from the engine's
 * own reading and validation, so the panel and the command line reject the same values with the same words.
 * Options the chosen strategy does not read hold their neutral value.
 */
public final class ExperimentViewModel {
    /** Options chosen in panes of their own: the dataset and architecture panes. */
    static final List<TrainingOption<?>> CHOSEN_ELSEWHERE = List.of(DATASET, MODEL);
    /** Options of the main form; every other one is under "More options". */
    static final List<TrainingOption<?>> MAIN_FORM = List.of(STRATEGY, PROCS, THREADS, SCALING, AVERAGE_EVERY,
            VIA_MASTER, MICROBATCHES, ALLREDUCE, MAX_STALENESS, HOSTS, BATCH, OPTIMIZER, LR, EPOCHS, SEED);

    /** Options of the advanced section on checkpoints and faults, for fault-tolerance experiments. */
    static final List<TrainingOption<?>> RECOVERY_FORM = List.of(CHECKPOINT_EVERY, RESTART_ON_FAILURE, MIN_PROCS,
            INJECT_FAULT);

    /** Top to bottom as the panel shows them: the first faulty one is the reason Run is blocked. */
    private static final List<TrainingOption<?>> FORM_ORDER = Stream.of(CHOSEN_ELSEWHERE, MAIN_FORM, RECOVERY_FORM,
                    TrainingOptions.ALL)
            .flatMap(List::stream).distinct().toList();

    private final DatasetViewModel datasets;
    private final ArchitectureViewModel architectures;
    private final int cores;
    private final StrategyAvailability availability;
    private final Map<TrainingOption<?>, StringProperty> texts = new LinkedHashMap<>();
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>();
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>();
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>();
    private final ObjectProperty<AllreduceAlgorithm> allreduce = new SimpleObjectProperty<>();
    private final BooleanProperty viaMaster = new SimpleBooleanProperty();
    private final BooleanProperty oncePerEpoch = new SimpleBooleanProperty();
    private final ObservableMap<TrainingOption<?>, String> problems = FXCollections.observableMap(new LinkedHashMap<>());
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>();

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
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            if (!CHOSEN_ELSEWHERE.contains(option)) {
                texts.put(option, new SimpleStringProperty(option.defaultText()));
            }
        }
        bindTyped(strategy, STRATEGY);
        bindTyped(scaling, SCALING);
        bindTyped(optimizer, OPTIMIZER);
        bindTyped(allreduce, ALLREDUCE);
        Bindings.bindBidirectional(text(VIA_MASTER), viaMaster, converter(VIA_MASTER));
        strategy.addListener((o, before, now) -> neutraliseUnusedFields(now));
        Observable[] inputs = {oncePerEpoch, datasets.selectedProperty(), architectures.selectedProperty()};
        for (Observable input : inputs) {
            input.addListener(o -> validate());
        }
        texts.values().forEach(text -> text.addListener(o -> validate()));
        validate();
    }

    /**
     * Sets every field to a configuration's values: a saved run's, to run it again, or the last setup. A dataset
     * that is not in the catalog any more leaves the choice as it was; an architecture file that cannot be read
     * says why in its pane.
     */
    public void load(TrainingConfig setup) {
        datasets.select(setup.data().dataset());
        architectures.choose(setup.model().name());
        // First: a new strategy puts the fields it does not read back to their defaults.
        strategy.set(setup.parallelism().strategy());
        boolean averagedOncePerEpoch = setup.parallelism().strategy().averagesParameters()
                && setup.parallelism().averagingPeriod() == 0;
        oncePerEpoch.set(averagedOncePerEpoch);
        texts.forEach((option, text) -> {
            if (!(option == AVERAGE_EVERY && averagedOncePerEpoch)) {
                text.set(option.textIn(setup));
            }
        });
    }

    /** The text of an option, as typed or chosen; enums by their command-line names, flags as true or false. */
    public StringProperty text(TrainingOption<?> option) {
        StringProperty text = texts.get(option);
        if (text == null) {
            throw new IllegalArgumentException(option + " is chosen in its own pane");
        }
        return text;
    }

    /** Every option this form edits, in the table's order. */
    public List<TrainingOption<?>> options() {
        return List.copyOf(texts.keySet());
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
        return usedBy(Strategy::usesProcesses);
    }

    /** Whether the chosen strategy reads the threads field. */
    public BooleanBinding threadsUsed() {
        return usedBy(Strategy::usesThreads);
    }

    /** Whether the chosen strategy sums by an MPJ allreduce whose algorithm can be chosen. */
    public BooleanBinding allreduceUsed() {
        return usedBy(Strategy::sumsByAllreduce);
    }

    /** Whether the chosen strategy averages parameters (period K, via master). */
    public BooleanBinding averagingUsed() {
        return usedBy(Strategy::averagesParameters);
    }

    /** Whether the chosen strategy splits the layers into pipeline stages (microbatches). */
    public BooleanBinding pipelineUsed() {
        return usedBy(Strategy::splitsLayers);
    }

    /** Whether the chosen strategy has a parameter server, which bounds the staleness of the updates it applies. */
    public BooleanBinding stalenessUsed() {
        return usedBy(candidate -> candidate.servingRanks() > 0);
    }

    /** Whether the host file applies: only strategies that start MPJ processes can spread them over machines. */
    public BooleanBinding hostsUsed() {
        return Bindings.createBooleanBinding(() -> strategy.get().launchesProcesses(parsedProcesses()), strategy,
                text(PROCS));
    }

    /** What the chosen strategy does, in one line. */
    public StringBinding strategyHint() {
        return Bindings.createStringBinding(() -> strategy.get().explanation(), strategy);
    }

    /** What P means for the chosen strategy. */
    public StringBinding processesHint() {
        return Bindings.createStringBinding(() -> strategy.get().processesHint(), strategy);
    }

    /** What T means for the chosen strategy. */
    public StringBinding threadsHint() {
        return Bindings.createStringBinding(() -> strategy.get().threadsHint(), strategy);
    }

    /** The problem at each faulty option, in the engine's words with the option's label. */
    public ObservableMap<TrainingOption<?>, String> problems() {
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
        return Optional.ofNullable(config.get());
    }

    /** The configuration to run, null while a field is faulty: changes whenever any field does. */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /**
     * Why a strategy cannot run on this machine at all (MPJ Express missing, …), in the engine's words including
     * the remedy; empty when it can run in its smallest form (param-avg with one process needs no MPJ).
     */
    public Optional<String> unavailability(Strategy candidate) {
        return availability.whyUnavailable(candidate, 1);
    }

    /** A typed property kept equal to an option's text, for the controls that choose among constants. */
    private <T> void bindTyped(ObjectProperty<T> typed, TrainingOption<T> option) {
        typed.set(option.defaultValue());
        Bindings.bindBidirectional(text(option), typed, converter(option));
    }

    private static <T> StringConverter<T> converter(TrainingOption<T> option) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return option.type().format(value);
            }

            @Override
            public T fromString(String text) {
                return option.type().parse(option.key(), text);
            }
        };
    }

    private BooleanBinding usedBy(Predicate<Strategy> uses) {
        return Bindings.createBooleanBinding(() -> uses.test(strategy.get()), strategy);
    }

    /** A field the new strategy ignores goes back to its default, so its old value can neither block Run nor mislead. */
    private void neutraliseUnusedFields(Strategy now) {
        if (!now.usesProcesses()) {
            text(PROCS).set(PROCS.defaultText());
        }
        if (!now.usesThreads()) {
            text(THREADS).set(THREADS.defaultText());
        }
        if (!now.averagesParameters()) {
            viaMaster.set(false);
        }
        if (now.servingRanks() == 0) {
            text(MAX_STALENESS).set(MAX_STALENESS.defaultText());
        }
        if (!now.allreducesGradients()) {
            text(OVERLAP).set(OVERLAP.defaultText());
        }
        if (!now.splitsLayers()) {
            text(MICROBATCHES).set(MICROBATCHES.defaultText());
        }
    }

    private int parsedProcesses() {
        try {
            return PROCS.type().parse(PROCS.key(), text(PROCS).get());
        } catch (ConfigException e) {
            return PROCS.defaultValue();
        }
    }

    private void validate() {
        Map<TrainingOption<?>, String> found = new LinkedHashMap<>();
        OptionValues values = OptionValues.defaults()
                .set(DATASET, datasets.selectedName())
                .set(MODEL, architectures.modelReference());
        boolean averaging = strategy.get().averagesParameters();
        texts.forEach((option, text) -> {
            boolean unread = option == HOSTS || (option == AVERAGE_EVERY || option == VIA_MASTER) && !averaging
                    || option == MICROBATCHES && !strategy.get().splitsLayers();
            if (unread) {
                return; // a value the strategy does not read keeps its default, whatever the field holds
            }
            try {
                values.setText(option, text.get());
            } catch (ConfigException e) {
                found.put(option, e.messageFor(option.label()));
            }
        });
        if (averaging && oncePerEpoch.get()) {
            values.set(AVERAGE_EVERY, 0);
        }
        hostFile(found).ifPresent(hosts -> values.set(HOSTS, hosts));
        if (datasets.missingProperty().get()) {
            found.put(DATASET, datasets.selectedName() + " is not here yet: download or import it first");
        }
        misfit().ifPresent(problem -> found.put(MODEL, problem));
        availability.whyUnavailable(strategy.get(), parsedProcesses())
                .ifPresent(reason -> found.put(STRATEGY, reason));
        collectEngineProblems(values, found);
        stagesBeyondTheLayers(values, found);

        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
        config.set(found.isEmpty() ? values.build() : null);
        blockedReason.set(found.entrySet().stream().min(Comparator.comparingInt(problem -> FORM_ORDER.indexOf(problem.getKey())))
                .map(problem -> problem.getKey().label() + ": " + problem.getValue()).orElse(""));
        warning.set(oversubscription());
    }

    /** Why the chosen architecture cannot take the chosen dataset's images, found as soon as either is chosen. */
    private Optional<String> misfit() {
        Architecture architecture = architectures.selectedProperty().get();
        DatasetSummary dataset = datasets.selectedProperty().get();
        if (architecture == null || dataset == null) {
            return Optional.empty();
        }
        try {
            RunPlan.checkFit(architecture, dataset.info());
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.messageFor(MODEL.label()));
        }
    }

    /** A pipeline of more stages than the chosen architecture has layers, found before Run. */
    private void stagesBeyondTheLayers(OptionValues values, Map<TrainingOption<?>, String> found) {
        Architecture architecture = architectures.selectedProperty().get();
        if (architecture != null && !found.containsKey(PROCS)) {
            try {
                RunPlan.checkStages(values.build(), architecture);
            } catch (ConfigException e) {
                found.put(PROCS, e.messageFor(PROCS.label()));
            }
        }
    }

    /** The host file when it applies and was given; a path that names no file is a problem at the field. */
    private Optional<String> hostFile(Map<TrainingOption<?>, String> found) {
        String typed = text(HOSTS).get().strip();
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
        found.put(HOSTS, "there is no file " + typed);
        return Optional.empty();
    }

    /**
     * {@link TrainingConfig#validate} stops at the first faulty option. Resetting that option to its default
     * and validating again finds the next one, so every faulty field is marked at once.
     */
    private static void collectEngineProblems(OptionValues values, Map<TrainingOption<?>, String> found) {
        found.keySet().forEach(values::reset);
        for (int attempt = 0; attempt <= TrainingOptions.ALL.size(); attempt++) {
            try {
                values.build().validate();
                return;
            } catch (ConfigException e) {
                TrainingOption<?> option = TrainingOptions.byKey(e.field()).orElse(STRATEGY);
                found.putIfAbsent(option, e.messageFor(option.label()));
                values.reset(option);
            }
        }
    }

    /** Counts what actually competes for the cores, as {@link Strategy#busyThreads} does. */
    private String oversubscription() {
        int processes;
        int threads;
        try {
            processes = PROCS.type().parse(PROCS.key(), text(PROCS).get());
            threads = THREADS.type().parse(THREADS.key(), text(THREADS).get());
        } catch (ConfigException e) {
            return "";
        }
        if (processes < 1 || threads < 1) {
            return "";
        }
        Strategy chosen = strategy.get();
        int workers = chosen.workers(processes, threads);
        long nativeThreads = chosen.busyThreads(processes, threads);
        if (nativeThreads <= cores) {
            return "";
        }
        String what = workers == nativeThreads ? nativeThreads + " workers"
                : nativeThreads + " native threads (" + workers + " workers × " + chosen.nativeThreadsPerWorker(threads) + ")";
        return what + " on " + cores + " cores: they will share cores, so timings will not show the speedup this configuration could reach";
    }
}
