package org.scalelab.app.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.scalelab.engine.io.AtomicFile;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.runs.ChromeTrace;
import org.scalelab.engine.runs.RunListing;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunStoreException;
import org.scalelab.engine.runs.speedup.Baselines;

/**
 * The runs library: every saved run (failed and cancelled ones too), filterable, with delete, rename and tags.
 * Files that cannot be read are listed as problems rather than hiding the rest.
 */
public final class RunLibraryViewModel {
    private final RunStore store;
    private final ObservableList<LibraryRow> all = FXCollections.observableArrayList();
    private final FilteredList<LibraryRow> visible = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private Baselines baselines = new Baselines(List.of());

    public RunLibraryViewModel(RunStore store) {
        this.store = store;
        filter.addListener((observable, before, now) -> visible.setPredicate(row -> row.matches(now)));
        refresh();
    }

    /** Reads the run folder again. */
    public void refresh() {
        RunListing listing = store.list();
        baselines = new Baselines(listing.records());
        StudyGroups studies = StudyGroups.in(store.directory());
        all.setAll(studies.grouped(listing.records()).stream()
                .map(record -> LibraryRow.of(record, baselines, studies.nameOf(record))).toList());
        problems.set(String.join("\n", listing.problems()));
    }

    public ObservableList<LibraryRow> rows() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** One line per run file that could not be read. */
    public StringProperty problemsProperty() {
        return problems;
    }

    public Baselines baselines() {
        return baselines;
    }

    public void delete(List<LibraryRow> rows) {
        rows.forEach(row -> store.delete(row.record().runId()));
        refresh();
    }

    /** @throws RunStoreException when the record cannot be rewritten */
    public void rename(LibraryRow row, String name) {
        store.rename(row.record().runId(), name.strip());
        refresh();
    }

    /** @param tags comma-separated, as typed */
    public void tag(LibraryRow row, String tags) {
        store.setTags(row.record().runId(), Arrays.stream(tags.split(","))
                .map(String::strip).filter(tag -> !tag.isEmpty()).collect(Collectors.toCollection(TreeSet::new)));
        refresh();
    }

    /**
     * Writes the run's timeline as a Chrome trace ({@link ChromeTrace}), replacing the file whole.
     *
     * @throws IllegalArgumentException when the run has no timeline (recorded before runs kept one)
     */
    public void exportTimeline(LibraryRow row, Path file) throws IOException {
        AtomicFile.replaceStreaming(file, out -> ChromeTrace.write(row.record(), out));
    }

    /** The rows as they are filtered now, for export. */
    public ReportTable table() {
        return ReportTable.ofText("Runs", LibraryRow.HEADERS, visible.stream().map(LibraryRow::cells).toList());
    }
}
