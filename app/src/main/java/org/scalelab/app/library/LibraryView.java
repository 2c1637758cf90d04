package org.scalelab.app.library;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.scalelab.app.export.ExportMenus;
import org.scalelab.app.replay.ReplaySpeed;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Forms;
import org.scalelab.app.ui.Tables;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunStoreException;

/** The runs library table with filter, replay, compare, rename, tags, delete, timeline and table export. */
public final class LibraryView extends BorderPane {

    /**
     * @param replay   plays the chosen run in the live view at the chosen speed
     * @param compare  overlays the chosen runs in the comparison
     * @param runAgain puts the chosen run's settings into the setup panel
     */
    public LibraryView(RunLibraryViewModel model, ReplayAction replay, Consumer<List<LibraryRow>> compare,
                       Consumer<LibraryRow> runAgain) {
        TableView<LibraryRow> table = new TableView<>(model.rows());
        table.setId("library");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Columns as wide as their text, with a scroll bar when together they are wider than the window: squeezed
        // to fit, thirteen columns showed "2026-12-…", "mlp-…" and "fini…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(rows -> new StatusRow());
        List<String> headers = LibraryRow.HEADERS;
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            table.getColumns().add(Tables.column(headers.get(i), (LibraryRow row) -> row.cells().get(column), 60));
        }
        Tables.widthsFromContent(table);

        TextField filter = new TextField();
        filter.setPromptText("Filter: dataset, model, strategy, tag…");
        filter.setPrefColumnCount(14);
        filter.textProperty().bindBidirectional(model.filterProperty());

        ChoiceBox<ReplaySpeed> speed = new ChoiceBox<>();
        speed.getItems().setAll(ReplaySpeed.values());
        speed.setValue(ReplaySpeed.TEN_TIMES);
        Button replayButton = new Button("Replay");
        replayButton.setId("replay");
        replayButton.setOnAction(e -> replay.replay(table.getSelectionModel().getSelectedItem(), speed.getValue()));
        Button compareButton = new Button("Compare");
        compareButton.setId("compare");
        compareButton.setOnAction(e -> compare.accept(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button rename = new Button("Rename…");
        rename.setId("rename");
        rename.setOnAction(e -> ask(table, "Name", table.getSelectionModel().getSelectedItem().name(),
                text -> model.rename(table.getSelectionModel().getSelectedItem(), text)));
        Button tags = new Button("Tags…");
        tags.setOnAction(e -> ask(table, "Tags, separated by commas", table.getSelectionModel().getSelectedItem().tags(),
                text -> model.tag(table.getSelectionModel().getSelectedItem(), text)));
        Button again = new Button("Run again…");
        again.setId("run-again");
        again.setTooltip(new Tooltip("Run again with these settings: puts them into the setup panel"));
        again.setOnAction(e -> runAgain.accept(table.getSelectionModel().getSelectedItem()));
        table.setContextMenu(rowMenu(table, runAgain));
        Button delete = new Button("Delete");
        delete.setOnAction(e -> model.delete(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button timeline = new Button("Timeline…");
        timeline.setId("timeline");
        timeline.setTooltip(new Tooltip("Export the run's per-worker phases, step by step, as a Chrome trace: "
                + "open it in ui.perfetto.dev or chrome://tracing"));
        timeline.setOnAction(e -> exportTimeline(model, table));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        var noneSelected = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        List.of(replayButton, compareButton, again, rename, tags, delete, timeline)
                .forEach(b -> b.disableProperty().bind(noneSelected));

        HBox toolbar = new HBox(filter, speed, replayButton, compareButton, again, rename, tags, delete, timeline, refresh,
                ExportMenus.table(model::table));
        // Buttons keep their labels whole; the filter field gives up the room when the window is narrow.
        toolbar.getChildren().stream().filter(node -> node != filter && node instanceof Region)
                .forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        HBox.setHgrow(filter, Priority.SOMETIMES);
        toolbar.setId("library-toolbar");
        toolbar.getStyleClass().add("view-toolbar");
        setTop(toolbar);
        setCenter(table);
        setBottom(Forms.message("error-text", model.problemsProperty()));
    }

    private static void exportTimeline(RunLibraryViewModel model, TableView<LibraryRow> table) {
        LibraryRow row = table.getSelectionModel().getSelectedItem();
        Dialogs.saveFile(table, row.record().runId() + "-timeline.json", "json").ifPresent(file -> {
            try {
                model.exportTimeline(row, file.toPath());
                Dialogs.info(table, "Timeline exported", file + "\nOpen it in ui.perfetto.dev or chrome://tracing.");
            } catch (IOException | IllegalArgumentException problem) {
                Dialogs.error(table, "Could not export the timeline of " + row.name(), problem);
            }
        });
    }

    /** What a right click on a run offers. */
    private static ContextMenu rowMenu(TableView<LibraryRow> table, Consumer<LibraryRow> runAgain) {
        MenuItem again = new MenuItem("Run again with these settings");
        again.setOnAction(e -> runAgain.accept(table.getSelectionModel().getSelectedItem()));
        again.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        return new ContextMenu(again);
    }

    /** Asks for a new name or tags; the runs chosen before stay chosen, though the library is read again. */
    private static void ask(TableView<LibraryRow> owner, String what, String current, Consumer<String> change) {
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setHeaderText(what);
        dialog.showAndWait().ifPresent(text -> {
            try {
                keepingSelection(owner, () -> change.accept(text));
            } catch (RunStoreException problem) {
                Dialogs.error(owner, "Could not change the run", problem);
            }
        });
    }

    /** Runs a change that reads the library again, then chooses again the runs that were chosen. */
    static void keepingSelection(TableView<LibraryRow> table, Runnable change) {
        Set<String> chosen = table.getSelectionModel().getSelectedItems().stream().map(row -> row.record().runId())
                .collect(Collectors.toSet());
        try {
            change.run();
        } finally {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (chosen.contains(table.getItems().get(i).record().runId())) {
                    table.getSelectionModel().select(i);
                }
            }
        }
    }

    /** Marks failed and cancelled runs, so they are not mistaken for results. */
    private static final class StatusRow extends TableRow<LibraryRow> {
        private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed-run");
        private static final PseudoClass CANCELLED = PseudoClass.getPseudoClass("cancelled-run");

        @Override
        protected void updateItem(LibraryRow row, boolean empty) {
            super.updateItem(row, empty);
            RunStatus status = empty || row == null ? null : row.record().status();
            pseudoClassStateChanged(FAILED, status == RunStatus.FAILED);
            // An interrupted run, like a cancelled one, stopped before its end and kept what it did.
            pseudoClassStateChanged(CANCELLED, status == RunStatus.CANCELLED || status == RunStatus.INTERRUPTED);
        }
    }

    /** Replays one run at a speed. */
    @FunctionalInterface
    public interface ReplayAction {
        void replay(LibraryRow row, ReplaySpeed speed);
    }
}
