package org.scalelab.app.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.StudyPredictions;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.studies.CellLauncher;
import org.scalelab.engine.studies.StudyCell;
import org.scalelab.engine.studies.StudyGrid;
import org.scalelab.engine.studies.StudyListener;
import org.scalelab.engine.studies.StudyPlan;
import org.scalelab.engine.studies.StudyPlans;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyResults;
import org.scalelab.engine.studies.StudyRunner;
import org.scalelab.engine.studies.StudyStatus;
import org.scalelab.engine.studies.StudyStore;
import org.scalelab.engine.training.CancellationToken;

/**
 * The Studies tab: a plan (a ready one, or one composed from the current setup), what it would run, and the study
 * while it runs — its record and figures after every cell — with Start, Pause after this cell, Resume and Cancel.
 * Cells run one at a time, each in a JVM of its own, on a background thread; the figures reach the UI thread.
 */
public final class StudiesViewModel {
    private final RunStore runs;
    private final StudyStore studies;
    private final CellLauncher launcher;
    private final Threads threads;
    private final Predicate<String> installed;
    private final int cores;
    private final ObservableList<Path> readyPlans = FXCollections.observableArrayList();
    private final ObjectProperty<Path> planFile = new SimpleObjectProperty<>();
    private final BooleanProperty quick = new SimpleBooleanProperty(true);
    private final BooleanProperty allowOversubscribe = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StudyRecord> study = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StudyResults> results = new ReadOnlyObjectWrapper<>();
    /** The shown study's measured figures, before any predictions are set beside them. */
    private StudyResults measured;
    private final ObjectProperty<MachineCalibration> calibration = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper currentCell = new ReadOnlyStringWrapper("");
    private final ObservableList<StudyRecord> earlier = FXCollections.observableArrayList();
    private final AtomicBoolean pauseRequested = new AtomicBoolean();
    private CancellationToken cancellation = new CancellationToken();
    /** Counted down by the background thread when the study has stopped and its record is saved. */
    private volatile CountDownLatch finished = new CountDownLatch(0);

    /**
     * @param plansFolder where the ready plans are ({@code experiments/plans}); missing is fine
     * @param installed   whether a dataset is here, for plans that fall back to another
     */
    public StudiesViewModel(RunStore runs, CellLauncher launcher, Path plansFolder, Predicate<String> installed,
                            int cores, Threads threads) {
        this.runs = runs;
        this.studies = new StudyStore(runs.directory());
        this.launcher = launcher;
        this.threads = threads;
        this.installed = installed;
        this.cores = cores;
        readyPlans.setAll(plansIn(plansFolder));
        planFile.addListener((o, was, now) -> updatePreview());
        quick.addListener(o -> updatePreview());
        allowOversubscribe.addListener(o -> updatePreview());
        calibration.addListener(o -> show(measured));
        refreshEarlier();
    }

    /**
     * This machine's calibration, if any: where the study's plan asks for predictions, the table and charts then
     * set them beside the measurements, as {@code scalelab study report} does.
     */
    public ObjectProperty<MachineCalibration> calibrationProperty() {
        return calibration;
    }

    /** Shows {@code figures}, with the predictions the plan asks for when this machine is calibrated. */
    private void show(StudyResults figures) {
        measured = figures;
        StudyResults shown = figures;
        if (figures != null && calibration.get() != null) {
            try {
                shown = StudyPredictions.addTo(figures, calibration.get());
            } catch (ConfigException e) {
                preview.set("No predictions: " + e.getMessage()); // the plan's predict section names no known network
            }
        }
        results.set(shown);
    }

    public ObservableList<Path> readyPlans() {
        return readyPlans;
    }

    /** The plan to run: a ready one, one opened from a file, or one composed ({@link #compose}). */
    public ObjectProperty<Path> planFileProperty() {
        return planFile;
    }

    public BooleanProperty quickProperty() {
        return quick;
    }

    public BooleanProperty allowOversubscribeProperty() {
        return allowOversubscribe;
    }

    /** What the plan would run here, or what is wrong with it: the dry run, in a sentence or two. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The study shown: running, or opened from the list of earlier ones. */
    public ReadOnlyObjectProperty<StudyRecord> studyProperty() {
        return study.getReadOnlyProperty();
    }

    /** The shown study's figures, recomputed after every cell. */
    public ReadOnlyObjectProperty<StudyResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The cell that runs now, as the status line names it. */
    public ReadOnlyStringProperty currentCellProperty() {
        return currentCell.getReadOnlyProperty();
    }

    /** Studies saved before, newest first; interrupted ones can be resumed. */
    public ObservableList<StudyRecord> earlierStudies() {
        return earlier;
    }

    /** Writes a plan composed from the setup beside the studies and makes it the plan to run. */
    public void compose(ObjectNode plan) throws IOException {
        Path folder = studies.directory().resolve("plans");
        Files.createDirectories(folder);
        Path file = folder.resolve(plan.get("name").asText().replaceAll("[^A-Za-z0-9._-]+", "-") + ".json");
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        planFile.set(null);
        planFile.set(file);
    }

    /** Starts the chosen plan as a new study. */
    public void start() throws IOException {
        Path file = planFile.get();
        StudyPlan plan = StudyPlans.read(file);
        JsonNode json = Json.mapper().readTree(Files.readString(file));
        List<StudyCell> cells = StudyGrid.cells(plan, quick.get(), installed, cores);
        String substitution = StudyGrid.substitution(plan, installed).map(StudyPlan.Fallback::note).orElse(null);
        run(studies.create(file, json, plan, cells, quick.get(), allowOversubscribe.get(), substitution));
    }

    /** Goes on with an interrupted study: only its cells that have not finished run. */
    public void resume(StudyRecord interrupted) {
        run(studies.load(interrupted.studyId()).allowingOversubscription(allowOversubscribe.get()));
    }

    /** Shows a saved study's table and charts without running it. */
    public void open(StudyRecord saved) {
        StudyRecord current = studies.load(saved.studyId());
        study.set(current);
        show(StudyResults.of(current, runs));
    }

    /** Stops before the next cell; the study stays resumable. */
    public void pauseAfterThisCell() {
        pauseRequested.set(true);
    }

    /** Stops the running cell (its record ends as cancelled) and the study; it stays resumable. */
    public void cancel() {
        cancellation.cancel();
    }

    /**
     * Cancels and waits, on the calling thread, until the cell's run is saved as cancelled and the study as
     * interrupted: what closing the window does.
     *
     * @return false when the study had not stopped after {@code timeout}
     */
    public boolean cancelAndWait(Duration timeout) throws InterruptedException {
        cancel();
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(StudyRecord record) {
        pauseRequested.set(false);
        cancellation = new CancellationToken();
        CancellationToken token = cancellation;
        CountDownLatch done = new CountDownLatch(1);
        finished = done;
        study.set(record);
        show(StudyResults.of(record, runs));
        running.set(true);
        threads.background().execute(() -> {
            StudyRunner runner = new StudyRunner(studies, runs, launcher);
            StudyRecord ended = record;
            try {
                ended = runner.run(record, listener(), token, pauseRequested::get);
            } finally {
                done.countDown();
                StudyRecord last = ended;
                StudyResults figures = StudyResults.of(last, runs);
                threads.ui().execute(() -> {
                    study.set(last);
                    show(figures);
                    currentCell.set("");
                    running.set(false);
                    refreshEarlier();
                });
            }
        });
    }

    private StudyListener listener() {
        return new StudyListener() {
            @Override
            public void cellStarted(StudyRecord current, StudyRecord.Cell cell) {
                String text = cell.label() + (cell.repeat() > 0 ? ", repeat " + (cell.repeat() + 1) : "") + " ("
                        + (current.cellsDone() + 1) + " of " + current.cells().size() + ")";
                threads.ui().execute(() -> {
                    study.set(current);
                    currentCell.set(text);
                });
            }

            @Override
            public void cellEnded(StudyRecord current, StudyRecord.Cell cell) {
                StudyResults figures = StudyResults.of(current, runs); // reads run records: off the UI thread
                threads.ui().execute(() -> {
                    study.set(current);
                    show(figures);
                });
            }
        };
    }

    private void refreshEarlier() {
        earlier.setAll(studies.list());
    }

    private void updatePreview() {
        Path file = planFile.get();
        if (file == null) {
            preview.set("");
            return;
        }
        try {
            StudyPlan plan = StudyPlans.read(file);
            List<StudyCell> cells = StudyGrid.cells(plan, quick.get(), installed, cores);
            long oversubscribed = cells.stream().filter(StudyCell::oversubscribed).count();
            String note = StudyGrid.substitution(plan, installed).map(f -> " " + f.note()).orElse("");
            preview.set(cells.size() + " cells (" + cells.stream().filter(StudyCell::baseline).count()
                    + " serial baselines)" + (oversubscribed == 0 ? "" : ", " + oversubscribed + " needing more than "
                    + cores + " cores" + (allowOversubscribe.get() ? " (marked oversubscribed)" : " (skipped)"))
                    + ". " + (quick.get() ? "Quick form. " : "") + plan.expectedDuration() + "." + note);
        } catch (RuntimeException e) {
            preview.set(e.getMessage());
        }
    }

    private static List<Path> plansIn(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether a study is interrupted and can be resumed. */
    public static boolean resumable(StudyRecord record) {
        return Optional.ofNullable(record).map(StudyRecord::effectiveStatus).orElse(null) == StudyStatus.INTERRUPTED;
    }
}
