package org.scalelab.app.setup;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.data.DatasetException;
import org.scalelab.engine.data.DatasetStatus;
import org.scalelab.engine.data.DatasetSummary;
import org.scalelab.engine.data.DownloadCancelledException;

/**
 * The dataset chooser: every dataset with its state, and getting a missing one by download or import in the
 * background with progress, cancellation and errors in the catalog's own plain words.
 */
public final class DatasetViewModel {
    private final DatasetCatalog catalog;
    private final Threads threads;
    private final ObservableList<DatasetSummary> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetSummary> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** 0..1, or −1 while the size is not known. */
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty activity = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    public DatasetViewModel(DatasetCatalog catalog, Threads threads, String initial) {
        this.catalog = catalog;
        this.threads = threads;
        refresh(initial);
    }

    public ObservableList<DatasetSummary> datasets() {
        return datasets;
    }

    public ObjectProperty<DatasetSummary> selectedProperty() {
        return selected;
    }

    /** The chosen dataset's catalog name, or null when none is chosen. */
    public String selectedName() {
        return selected.get() == null ? null : selected.get().info().name();
    }

    /** Chooses the dataset of that catalog name; a name the catalog does not know leaves the choice as it was. */
    public void select(String name) {
        datasets.stream().filter(d -> d.info().name().equals(name)).findFirst().ifPresent(selected::set);
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty activityProperty() {
        return activity;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** True when the chosen dataset must be downloaded or imported before a run can use it. */
    public BooleanBinding missingProperty() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && isMissing(selected.get().status()),
                selected);
    }

    /** Downloads the chosen dataset in the background. */
    public void download() {
        String name = selectedName();
        fetch("Downloading " + name, () -> catalog.download(name, (file, done, total) -> threads.ui().execute(() -> {
            progress.set(total > 0 ? (double) done / total : -1);
            activity.set("Downloading " + file + " — " + megabytes(done) + (total > 0 ? " of " + megabytes(total) : ""));
        }), cancelled::get));
    }

    /** Copies a folder or archive the user already has into the data folder, checking all of it. */
    public void importFrom(Path folderOrArchive) {
        String name = selectedName();
        fetch("Importing " + name + " from " + folderOrArchive, () -> catalog.importFrom(name, folderOrArchive));
    }

    public void cancel() {
        cancelled.set(true);
    }

    private void fetch(String description, Runnable work) {
        String name = selectedName();
        cancelled = new AtomicBoolean();
        busy.set(true);
        error.set("");
        progress.set(-1);
        activity.set(description + " …");
        threads.background().execute(() -> {
            String problem = "";
            try {
                work.run();
            } catch (DownloadCancelledException e) {
                problem = "Cancelled; nothing was kept.";
            } catch (DatasetException e) {
                problem = e.getMessage();
            }
            String outcome = problem;
            threads.ui().execute(() -> {
                busy.set(false);
                activity.set("");
                error.set(outcome);
                refresh(name);
            });
        });
    }

    private void refresh(String select) {
        datasets.setAll(catalog.summaries());
        selected.set(datasets.stream().filter(d -> d.info().name().equals(select)).findFirst()
                .orElse(datasets.isEmpty() ? null : datasets.get(0)));
    }

    /** Not on this machine: loading it would fail until it is downloaded or imported. */
    private static boolean isMissing(DatasetStatus status) {
        return status == DatasetStatus.DOWNLOADABLE || status == DatasetStatus.UNAVAILABLE;
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
