package org.scalelab.app.whatif;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.cli.ChildJvmMeasurements;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.predict.CalibrationException;
import org.scalelab.engine.predict.Calibrator;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.NetworkPreset;
import org.scalelab.engine.predict.Prediction;
import org.scalelab.engine.predict.RunScenarios;
import org.scalelab.engine.predict.ScalingModel;
import org.scalelab.engine.predict.Scenario;
import org.scalelab.engine.predict.SpeedupCurve;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunCancelledException;

/**
 * The What-if tab: a configuration this machine may not be able to run (more processes, hosts, another network),
 * predicted from this machine's calibration the moment any setting changes, without training. Without a usable
 * calibration it says why in one line and can measure one ({@code scalelab predict calibrate}'s calibrator) in the
 * background, with progress and Cancel. The calibration it holds is also what the live, compare and studies views
 * draw their predictions from.
 */
public final class WhatIfViewModel {
    /** The network choice whose latency and bandwidth are typed in. */
    public static final String CUSTOM = "custom";
    /** The network choices: the presets of {@code scalelab predict --network}, then {@link #CUSTOM}. */
    public static final List<String> NETWORKS = Stream.concat(Arrays.stream(NetworkPreset.values()).map(NetworkPreset::id),
            Stream.of(CUSTOM)).toList();
    private static final String LOOKING = "Looking for this machine's calibration…";
    static final String CANCELLING = "cancelling when the measurement under way ends…";
    /** The curve goes at least this far in processes (threads for strategies without ranks). */
    private static final int SHORTEST_CURVE = 16;

    private final Path calibrationFile;
    private final DatasetCatalog catalog;
    private final Threads threads;
    private final WhatIfCharts charts = new WhatIfCharts();

    private final ReadOnlyObjectWrapper<MachineCalibration> calibration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper calibrationText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper calibrating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper calibrationProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper calibrationStep = new ReadOnlyStringWrapper("");
    private volatile CancellationToken calibrationToken = new CancellationToken();
    /**
     * While a calibration comes into use with its models and cores: one prediction after, rather than one for each
     * setting it changes, the first ones from the calibration before with the new cores or model.
     */
    private boolean settingCalibration;

    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.MPJ);
    private final IntegerProperty procs = new SimpleIntegerProperty(this, "procs", 2);
    private final IntegerProperty threadCount = new SimpleIntegerProperty(this, "threads", 1);
    private final IntegerProperty hosts = new SimpleIntegerProperty(this, "hosts", 1);
    private final IntegerProperty coresPerHost = new SimpleIntegerProperty(this, "coresPerHost",
            Runtime.getRuntime().availableProcessors());
    private final StringProperty network = new SimpleStringProperty(NetworkPreset.LOOPBACK.id());
    private final DoubleProperty latencyMicros = new SimpleDoubleProperty(20);
    private final DoubleProperty bandwidthGbps = new SimpleDoubleProperty(10);
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch",
            TrainingOptions.BATCH.defaultValue());
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(TrainingOptions.SCALING.defaultValue());
    private final BooleanProperty overlap = new SimpleBooleanProperty(TrainingOptions.OVERLAP.defaultValue());
    private final IntegerProperty bucketKb = new SimpleIntegerProperty(this, TrainingOptions.BUCKET_KB.key(),
            TrainingOptions.BUCKET_KB.defaultValue());
    private final IntegerProperty microbatches = new SimpleIntegerProperty(this, TrainingOptions.MICROBATCHES.key(),
            TrainingOptions.MICROBATCHES.defaultValue());

    private final ReadOnlyObjectWrapper<Prediction> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Prediction>> curve = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper crossover = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placement = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** @param calibrationFile where this machine's calibration is kept, read now and written by {@link #calibrate} */
    public WhatIfViewModel(Path calibrationFile, DatasetCatalog catalog, Threads threads) {
        this.calibrationFile = calibrationFile;
        this.catalog = catalog;
        this.threads = threads;
        // Change listeners: one prediction per value that changes, whichever inputs the last prediction read.
        List<ObservableValue<?>> inputs = List.of(calibration, model, strategy, procs, threadCount, hosts, coresPerHost,
                network, latencyMicros, bandwidthGbps, batch, scaling, overlap, bucketKb, microbatches);
        inputs.forEach(input -> input.addListener((property, before, now) -> {
            if (!settingCalibration) {
                predict();
            }
        }));
        reload();
    }

    /** Reads the calibration file again, off the UI thread; call on the UI thread. */
    public void reload() {
        calibrationText.set(LOOKING);
        threads.background().execute(() -> {
            Optional<MachineCalibration> loaded;
            String text;
            try {
                MachineCalibration found = MachineCalibration.load(calibrationFile, MachineDescription.current());
                loaded = Optional.of(found);
                text = describe(found);
            } catch (CalibrationException e) {
                loaded = Optional.empty();
                text = e.getMessage();
            }
            Optional<MachineCalibration> result = loaded;
            String line = text;
            threads.ui().execute(() -> use(result.orElse(null), line));
        });
    }

    /**
     * Measures this machine as {@code scalelab predict calibrate} does (a few minutes), saves it and uses it. Cancel
     * takes effect when the measurement under way ends.
     */
    public void calibrate() {
        if (calibrating.get()) {
            return;
        }
        CancellationToken token = new CancellationToken();
        calibrationToken = token;
        calibrating.set(true);
        calibrationProgress.set(0);
        calibrationStep.set("starting");
        threads.background().execute(() -> {
            Calibrator calibrator = new Calibrator(new ChildJvmMeasurements(), catalog, (done, total, next) -> {
                token.throwIfCancelled();
                threads.ui().execute(() -> {
                    if (!token.isCancelled()) { // "cancelling…" stays until the calibration has stopped
                        calibrationProgress.set((double) done / total);
                        calibrationStep.set(next);
                    }
                });
            }, token);
            MachineCalibration measured = null;
            String failure = null; // null with a calibration, or when cancelled
            try {
                measured = calibrator.calibrate(Calibrator.Plan.standard(Calibrator.Plan.STANDARD_MODELS));
                token.throwIfCancelled(); // a Cancel as the last measurement ended: nothing saved, as promised
                measured.save(calibrationFile);
            } catch (RunCancelledException e) {
                measured = null;
            } catch (Exception e) {
                measured = null;
                failure = token.isCancelled() ? null : Optional.ofNullable(e.getMessage()).orElse(e.toString());
            }
            MachineCalibration result = measured;
            String why = failure;
            threads.ui().execute(() -> {
                calibrating.set(false);
                calibrationStep.set("");
                if (result != null) {
                    use(result, describe(result));
                } else {
                    String before = calibration.get() == null ? "this machine has no calibration yet"
                            : "still using " + describe(calibration.get());
                    calibrationText.set((why == null ? "Calibration cancelled; " : "Calibration failed (" + why + "); ")
                            + before);
                }
            });
        });
    }

    /**
     * Stops a calibration under way, when the measurement under way ends (a child JVM's takes seconds): until then
     * it says so, rather than go on showing what it measures as if Cancel had not been heard. The calibration used
     * before stays.
     */
    public void cancelCalibration() {
        if (calibrating.get()) {
            calibrationToken.cancel();
            calibrationStep.set(CANCELLING);
        }
    }

    private void use(MachineCalibration found, String text) {
        calibrationText.set(text);
        settingCalibration = true;
        try {
            models.setAll(found == null ? List.of() : List.copyOf(found.models().keySet()));
            if (found != null) {
                coresPerHost.set(found.machine().logicalCores());
                if (model.get() == null || !models.contains(model.get())) {
                    String usual = TrainingOptions.MODEL.defaultValue();
                    model.set(models.contains(usual) ? usual : models.isEmpty() ? null : models.get(0));
                }
            }
            calibration.set(found);
        } finally {
            settingCalibration = false;
        }
        predict();
    }

    /** "Calibration of AMD EPYC, 2 logical cores, measured 2026-12-04 16:40 UTC". */
    static String describe(MachineCalibration calibration) {
        return "Calibration of " + calibration.machine().cpu() + ", " + calibration.machine().logicalCores()
                + " logical cores, measured " + SpeedupCurve.measuredAt(calibration);
    }

    /** The configuration as set, or empty with {@link #problemProperty()} saying why it cannot be predicted. */
    public Optional<Scenario> scenario() {
        MachineCalibration used = calibration.get();
        if (used == null || model.get() == null) {
            return Optional.empty();
        }
        try {
            strategy.get().checkCounts(procs.get(), threadCount.get());
            for (var count : List.of(procs, threadCount, hosts, coresPerHost, batch, bucketKb, microbatches)) {
                if (count.get() < 1) {
                    throw new ConfigException(count.getName(), count.get(), "expected at least 1");
                }
            }
            double gamma = used.secondsPerReducedFloat();
            // custom: the typed figures over nothing (the loopback preset has none of its own)
            LinkCost link = CUSTOM.equals(network.get())
                    ? NetworkPreset.LOOPBACK.link(gamma, latencyMicros.get(), bandwidthGbps.get())
                    : NetworkPreset.fromId(network.get()).link(gamma);
            problem.set("");
            return Optional.of(new Scenario(model.get(), strategy.get(), procs.get(), threadCount.get(),
                    TrainingOptions.ALLREDUCE.defaultValue(), Math.min(hosts.get(), procs.get()), coresPerHost.get(), link,
                    batch.get(), scaling.get(), RunScenarios.DEFAULT_EPOCH_IMAGES,
                    TrainingOptions.AVERAGE_EVERY.defaultValue(), false).withOverlap(overlap.get() ? bucketKb.get() : 0)
                    .withMicrobatches(microbatches.get()));
        } catch (IllegalArgumentException e) { // a ConfigException, or an unknown network
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Nothing predicted: no configuration, or none the calibration can predict (the problem line says why). */
    private void clearPrediction() {
        chosen.set(null);
        curve.set(List.of());
        summary.set("");
        crossover.set("");
        placement.set("");
        charts.clear();
    }

    /** Predicts the configuration and its curve: model arithmetic only, so on the UI thread at every change. */
    private void predict() {
        Optional<Scenario> scenario = scenario();
        MachineCalibration used = calibration.get();
        if (scenario.isEmpty()) {
            clearPrediction();
            return;
        }
        ScalingModel scalingModel = new ScalingModel(used);
        Scenario base = scenario.get();
        int counted = base.strategy().usesProcesses() ? base.procs() : base.threads();
        Prediction prediction;
        List<Prediction> points;
        try {
            prediction = scalingModel.predict(base);
            points = SpeedupCurve.grow(scalingModel, base, Math.max(SHORTEST_CURVE, 2 * counted));
        } catch (CalibrationException | ConfigException e) { // overlap and pipelines need the layers timed one by
            // one, async is not modelled, and a pipeline has no more stages than layers
            problem.set(e.getMessage());
            clearPrediction();
            return;
        }
        chosen.set(prediction);
        curve.set(points);
        summary.set(String.format(Locale.ROOT, "%,.0f images/s · speedup %.2f× · efficiency %.0f %%%s%s%s",
                prediction.imagesPerSecond(), prediction.speedup(), 100 * prediction.efficiency(),
                base.overlapsAllreduce() ? String.format(Locale.ROOT, " · %.2f ms of communication hidden behind the "
                        + "backward pass", 1e3 * prediction.hiddenSeconds()) : "",
                base.strategy().splitsLayers() ? String.format(Locale.ROOT, " · %.0f %% of the step idle in the bubble",
                        100 * prediction.waitSeconds() / prediction.stepSeconds()) : "",
                prediction.oversubscribed() ? " · oversubscribed: more busy threads on a host than it has cores" : ""));
        placement.set(base.strategy().usesProcesses()
                ? String.format(Locale.ROOT, "%d ranks on %d host%s: %d to a host of %d cores", base.procs(), base.hosts(),
                        base.hosts() == 1 ? "" : "s", base.ranksPerHost(), coresPerHost.get())
                : "One process on one host of " + coresPerHost.get() + " cores");
        OptionalInt overtakes = scalingModel.communicationOvertakesCompute(base);
        crossover.set(overtakes.isPresent() ? "Communication overtakes compute at " + overtakes.getAsInt() + " workers"
                : "Communication stays below compute up to " + ScalingModel.CROSSOVER_SEARCH_LIMIT + " workers");
        charts.show(points, prediction, used.machine().logicalCores());
    }

    public WhatIfCharts charts() {
        return charts;
    }

    /** This machine's calibration, if it has a usable one: what every prediction in the workbench comes from. */
    public ReadOnlyObjectProperty<MachineCalibration> calibrationProperty() {
        return calibration.getReadOnlyProperty();
    }

    /** Which calibration is used (machine, when), or in one line why there is none. */
    public ReadOnlyStringProperty calibrationTextProperty() {
        return calibrationText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty calibratingProperty() {
        return calibrating.getReadOnlyProperty();
    }

    /** 0 to 1 while calibrating. */
    public ReadOnlyDoubleProperty calibrationProgressProperty() {
        return calibrationProgress.getReadOnlyProperty();
    }

    /** What the calibration measures next. */
    public ReadOnlyStringProperty calibrationStepProperty() {
        return calibrationStep.getReadOnlyProperty();
    }

    /** The calibrated models. */
    public ObservableList<String> models() {
        return models;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public IntegerProperty procsProperty() {
        return procs;
    }

    public IntegerProperty threadsProperty() {
        return threadCount;
    }

    public IntegerProperty hostsProperty() {
        return hosts;
    }

    /** Cores of each host: this machine's until changed. */
    public IntegerProperty coresPerHostProperty() {
        return coresPerHost;
    }

    /** One of {@link #NETWORKS}. */
    public StringProperty networkProperty() {
        return network;
    }

    /** The {@link #CUSTOM} network's one-way latency. */
    public DoubleProperty latencyMicrosProperty() {
        return latencyMicros;
    }

    /** The {@link #CUSTOM} network's bandwidth. */
    public DoubleProperty bandwidthGbpsProperty() {
        return bandwidthGbps;
    }

    /** The global batch under strong scaling, each worker's under weak. */
    public IntegerProperty batchProperty() {
        return batch;
    }

    /** Whether the gradients' allreduce overlaps the backward pass, as {@code train --overlap}. */
    public BooleanProperty overlapProperty() {
        return overlap;
    }

    /** With overlap: the buckets' size in kB, as {@code train --bucket-kb}. */
    public IntegerProperty bucketKbProperty() {
        return bucketKb;
    }

    /** For a pipeline: the parts each global batch flows through the stages in, as {@code train --microbatches}. */
    public IntegerProperty microbatchesProperty() {
        return microbatches;
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    /** The chosen configuration's prediction; null while there is nothing to predict. */
    public ReadOnlyObjectProperty<Prediction> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The strategy's predicted curve that the speedup chart draws, by workers. */
    public ReadOnlyObjectProperty<List<Prediction>> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    /** Images/s, speedup and efficiency of the chosen configuration. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How the ranks are placed: on how many hosts, how many to a host. */
    public ReadOnlyStringProperty placementProperty() {
        return placement.getReadOnlyProperty();
    }

    /** Where communication overtakes compute, as the configuration grows. */
    public ReadOnlyStringProperty crossoverProperty() {
        return crossover.getReadOnlyProperty();
    }

    /** Why the configuration cannot be predicted as set; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
