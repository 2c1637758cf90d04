package org.scalelab.app.setup;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.scalelab.engine.training.ConfigException;
import org.scalelab.engine.training.OptimizerKind;
import org.scalelab.engine.training.Scaling;
import org.scalelab.engine.training.Strategy;
import org.scalelab.engine.training.Trainers;
import org.scalelab.engine.training.TrainingConfig;

/**
 * The experiment being set up: every field as the user typed it, the problems found at each field, the
 * reason Run is blocked (if it is) and a warning when the workers outnumber the cores. Problems come from
 * the engine's own validation, so the panel and the command line reject the same values with the same words.
 */
public final class ExperimentViewModel {
    private final DatasetViewModel datasets;
    private final ArchitectureViewModel architectures;
    private final int cores;
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.SERIAL);
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(Scaling.STRONG);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(OptimizerKind.MOMENTUM);
    private final Map<ExperimentField, StringProperty> texts = new EnumMap<>(ExperimentField.class);
    private final ObservableMap<ExperimentField, String> problems = FXCollections.observableMap(new EnumMap<>(ExperimentField.class));
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private TrainingConfig config;

    /** @param cores logical cores of this machine, against which processes × threads is checked */
    public ExperimentViewModel(DatasetViewModel datasets, ArchitectureViewModel architectures, int cores) {
        this.datasets = datasets;
        this.architectures = architectures;
        this.cores = cores;
        text(ExperimentField.PROCESSES, "1");
        text(ExperimentField.THREADS, "1");
        text(ExperimentField.BATCH_SIZE, "64");
        text(ExperimentField.LEARNING_RATE, "0.01");
        text(ExperimentField.EPOCHS, "3");
        text(ExperimentField.SEED, "1");
        Observable[] inputs = {strategy, scaling, optimizer, datasets.selectedProperty(), architectures.selectedProperty()};
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

    /** The problem at each faulty field, in the engine's words with the field's label. */
    public ObservableMap<ExperimentField, String> problems() {
        return problems;
    }

    /** Why Run is disabled, or empty when the experiment can run. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    /** Not blocking, but worth knowing: e.g. more workers than cores. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The configuration to run, when every field is valid. */
    public Optional<TrainingConfig> config() {
        return Optional.ofNullable(config);
    }

    /**
     * Why a strategy cannot run on this machine (not built yet, MPJ Express missing, …), in the engine's
     * words including the remedy; empty when it can.
     */
    public Optional<String> unavailability(Strategy candidate) {
        return Trainers.whyUnavailable(candidate, 2);
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
                .optimizer(optimizer.get());
        FieldParser parser = new FieldParser(texts, found);
        parser.integer(ExperimentField.PROCESSES).ifPresent(builder::processes);
        parser.integer(ExperimentField.THREADS).ifPresent(builder::threads);
        parser.integer(ExperimentField.BATCH_SIZE).ifPresent(builder::batchSize);
        parser.integer(ExperimentField.EPOCHS).ifPresent(builder::epochs);
        parser.decimal(ExperimentField.LEARNING_RATE).ifPresent(builder::learningRate);
        parser.whole(ExperimentField.SEED).ifPresent(builder::seed);
        if (datasets.missingProperty().get()) {
            found.put(ExperimentField.DATASET, datasets.selectedName() + " is not here yet: download or import it first");
        }
        unavailability(strategy.get()).ifPresent(reason -> found.put(ExperimentField.STRATEGY, reason));
        collectEngineProblems(builder, found);

        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
        config = found.isEmpty() ? builder.build() : null;
        blockedReason.set(found.entrySet().stream().findFirst()
                .map(problem -> problem.getKey().label() + ": " + problem.getValue()).orElse(""));
        warning.set(oversubscription());
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

    private String oversubscription() {
        Optional<Integer> processes = FieldParser.quietInteger(text(ExperimentField.PROCESSES).get());
        Optional<Integer> threads = FieldParser.quietInteger(text(ExperimentField.THREADS).get());
        if (processes.isEmpty() || threads.isEmpty()) {
            return "";
        }
        int workers = processes.get() * threads.get();
        return workers > cores
                ? workers + " workers on " + cores + " cores: workers will share cores, so timings will not show the speedup the configuration could reach"
                : "";
    }
}
