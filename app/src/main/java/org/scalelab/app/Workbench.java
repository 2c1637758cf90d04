package org.scalelab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.scalelab.app.compare.CompareViewModel;
import org.scalelab.engine.runs.report.ReportExport;
import org.scalelab.app.library.LibraryRow;
import org.scalelab.app.library.RunLibraryViewModel;
import org.scalelab.app.live.LiveRunViewModel;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.live.RunLauncher;
import org.scalelab.app.replay.ReplayPlayer;
import org.scalelab.app.replay.ReplaySpeed;
import org.scalelab.app.setup.ArchitectureViewModel;
import org.scalelab.app.setup.DatasetViewModel;
import org.scalelab.app.setup.ExperimentViewModel;
import org.scalelab.app.studies.StudiesViewModel;
import org.scalelab.app.ui.Threads;
import org.scalelab.app.whatif.WhatIfViewModel;
import org.scalelab.engine.cli.Main;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.speedup.Baselines;
import org.scalelab.engine.runs.speedup.Calibration;
import org.scalelab.engine.studies.ChildCellLauncher;

/** The workbench's view models, wired together once; views only bind to them and call their actions. */
public final class Workbench {
    /** The tag and name a serial run started by "Run serial baseline" gets, so the library shows what it is. */
    static final String BASELINE = "serial baseline";
    /** The same for a short calibration run. */
    static final String CALIBRATION = "serial calibration";

    /** How long closing waits for a run to save its record as cancelled: a step and the save, with room to spare. */
    private static final Duration CLOSING_WAIT = Duration.ofSeconds(15);

    private final RunStore runs;
    private final DatasetViewModel datasets;
    private final ArchitectureViewModel architectures;
    private final ExperimentViewModel experiment;
    private final RunLibraryViewModel library;
    private final LiveRunViewModel live;
    private final CompareViewModel comparison = new CompareViewModel();
    private final RunLauncher launcher;
    private final ReplayPlayer player;
    private final StudiesViewModel studies;
    private final WhatIfViewModel whatIf;
    /** The machine runs started here will run on, once known: a baseline must have run on the same. */
    private final ObjectProperty<EnvironmentInfo> machine = new SimpleObjectProperty<>();
    private final BooleanBinding nativeReady = machine.isNotNull();

    public Workbench(WorkbenchSettings settings, Threads threads) {
        this.runs = settings.runs();
        this.datasets = new DatasetViewModel(settings.catalog(), threads, TrainingOptions.DATASET.defaultValue());
        this.architectures = new ArchitectureViewModel(settings.preset());
        this.experiment = new ExperimentViewModel(datasets, architectures, Runtime.getRuntime().availableProcessors(),
                settings.availability());
        this.library = new RunLibraryViewModel(runs);
        this.live = new LiveRunViewModel(started -> library.baselines().eligibleFor(started));
        this.launcher = new RunLauncher(settings.catalog(), threads);
        this.player = new ReplayPlayer(threads.background());
        this.studies = new StudiesViewModel(runs, new ChildCellLauncher(Main.class, runs.directory(),
                settings.catalog().cacheDir()), WorkbenchSettings.readyPlans(), settings.catalog()::isHere,
                Runtime.getRuntime().availableProcessors(), threads);
        studies.runningProperty().addListener((o, was, now) -> library.refresh());
        this.whatIf = new WhatIfViewModel(settings.calibration(), settings.catalog(), threads);
        // every prediction in the workbench comes from the one calibration the What-if tab loads or measures
        live.calibrationProperty().bind(whatIf.calibrationProperty());
        comparison.calibrationProperty().bind(whatIf.calibrationProperty());
        studies.calibrationProperty().bind(whatIf.calibrationProperty());
        // Describing the machine loads ND4J's native libraries: seconds, so not on the UI thread.
        threads.background().execute(() -> {
            EnvironmentInfo here = EnvironmentInfo.current();
            threads.ui().execute(() -> machine.set(here));
        });
    }

    /**
     * Whether ND4J's native libraries are loaded (describing the machine loads them): seconds after the window
     * opens, and Run waits for it so that a first run does not stall with nothing on the screen.
     */
    public BooleanBinding nativeReady() {
        return nativeReady;
    }

    /** Runs the experiment as set up; does nothing while its setup has problems (Run is disabled then). */
    public void run() {
        experiment.config().ifPresent(config -> start(config, null));
    }

    /**
     * True when the experiment is parallel and no saved serial run may serve as its baseline ({@link Baselines}):
     * its speedup has nothing to be measured against until {@link #runBaseline} or {@link #runCalibration} has
     * run. False until this machine is known.
     */
    public BooleanBinding baselineMissing() {
        return Bindings.createBooleanBinding(this::isBaselineMissing, experiment.configProperty(), library.rows(), machine);
    }

    private boolean isBaselineMissing() {
        Optional<TrainingConfig> parallel = experiment.config()
                .filter(config -> config.parallelism().strategy() != Strategy.SERIAL);
        return machine.get() != null && parallel.isPresent()
                && library.baselines().eligibleFor(parallel.get(), machine.get(), Instant.now()).isEmpty();
    }

    /** Runs the serial baseline the current experiment's speedup needs, named and tagged as such. */
    public void runBaseline() {
        experiment.config().map(Baselines::serialConfigFor).ifPresent(config -> start(config, BASELINE));
    }

    /**
     * Runs a short serial calibration instead: {@value Calibration#CALIBRATION_STEPS} timed steps after
     * {@value Calibration#WARM_UP_STEPS} warm-up steps, named and tagged so charts and library say what it is.
     */
    public void runCalibration() {
        experiment.config().map(Calibration::configFor).ifPresent(config -> start(config, CALIBRATION));
    }

    /** Puts a saved run's settings into the setup panel, to run it again as it was or changed. */
    public void runAgain(LibraryRow row) {
        experiment.load(row.record().config());
    }

    public void replay(LibraryRow row, ReplaySpeed speed) {
        launcher.stop();
        live.beginReplay(speed);
        player.play(row.record().events(), speed, live.listener(), () -> { });
    }

    /** Replays a saved run, found by its id (a study's cell), at full speed; nothing when it is gone. */
    public void replay(String runId) {
        library.refresh();
        library.rows().stream().filter(row -> row.record().runId().equals(runId)).findFirst()
                .ifPresent(row -> replay(row, ReplaySpeed.FULL));
    }

    public void compare(List<LibraryRow> rows) {
        comparison.compare(rows.stream().map(LibraryRow::record).toList(), library.baselines());
    }

    /**
     * Writes the comparison's charts and scaling table, the compared runs' table and their records into a new
     * folder named after the moment, inside {@code parent}, so that a report never mixes with what is there.
     *
     * @return the report's folder
     */
    public Path exportReport(Path parent) throws IOException {
        List<String> ids = comparison.records().stream().map(RunRecord::runId).toList();
        List<Path> records = ids.stream().flatMap(id -> runs.filesOf(id).stream()).toList();
        Path folder = ReportExport.newFolder(parent, LocalDateTime.now());
        ReportExport.write(folder, comparison.charts(), List.of(comparison.table(),
                RunTables.listing(comparison.records(), library.baselines())), records);
        return folder;
    }

    /** @param role the name and tag of a baseline or calibration run; null for the user's own experiment */
    private void start(TrainingConfig config, String role) {
        player.stop();
        live.begin(LiveState.PREPARING);
        Optional<String> unwritable = runs.whyUnwritable();
        if (unwritable.isPresent()) {
            live.failedBeforeStart("cannot save run records in " + runs.directory() + " (" + unwritable.get()
                    + "); nothing was trained");
            return;
        }
        RunRecorder recorder = new RunRecorder(runs, launcher::abort);
        launcher.start(config, List.of(recorder, live.listener()), live::failedBeforeStart, () -> {
            if (role != null) {
                recorder.path().map(Workbench::runId).ifPresent(id -> {
                    runs.rename(id, role);
                    runs.setTags(id, Set.of(role));
                });
            }
            library.refresh();
        });
    }

    private static String runId(Path recordFile) {
        String name = recordFile.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    /** Whether closing now would cut off a run or a study: the window asks first. */
    public boolean busy() {
        return launcher.runningProperty().get() || studies.runningProperty().get();
    }

    /**
     * Stops whatever still runs in the background when the window closes, and waits (a few seconds at most) for a
     * run or a study's cell to be saved as cancelled, so that no record is left "running".
     */
    public void close() {
        datasets.cancel();
        whatIf.cancelCalibration();
        player.stop();
        try {
            launcher.stopAndWait(CLOSING_WAIT);
            studies.cancelAndWait(CLOSING_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What closing the window does: when a run or study is in progress, only if the user agrees.
     *
     * @param userAgrees asked only when something would be cut off
     * @return whether the window may close
     */
    public boolean closeRequested(BooleanSupplier userAgrees) {
        if (busy() && !userAgrees.getAsBoolean()) {
            return false;
        }
        close();
        return true;
    }

    public DatasetViewModel datasets() {
        return datasets;
    }

    public ArchitectureViewModel architectures() {
        return architectures;
    }

    public ExperimentViewModel experiment() {
        return experiment;
    }

    public RunLibraryViewModel library() {
        return library;
    }

    public LiveRunViewModel live() {
        return live;
    }

    public CompareViewModel comparison() {
        return comparison;
    }

    public RunLauncher launcher() {
        return launcher;
    }

    public ReplayPlayer player() {
        return player;
    }

    public StudiesViewModel studies() {
        return studies;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }
}
