package org.scalelab.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.scalelab.app.baseline.BaselineChooser;
import org.scalelab.app.charts.ChartGrid;
import org.scalelab.app.export.ExportMenus;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Tables;

/**
 * Runs overlaid on every chart above the scaling table, with table and report export. Each row names the baseline
 * its speedup is measured against, and offers the others it may be measured against.
 */
public final class CompareView extends BorderPane {

    /** @param exportReport writes the report folder the user chose */
    public CompareView(CompareViewModel model, Consumer<Path> exportReport) {
        TableView<CompareRow> table = new TableView<>(model.rows());
        table.setId("scaling");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<String> headers = CompareViewModel.headers();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            // The configuration names the run: give it the room it needs.
            table.getColumns().add(i == CompareRow.BASELINE_COLUMN ? baselineColumn(headers.get(i))
                    : Tables.boundColumn(headers.get(i), (CompareRow row) -> Bindings.createStringBinding(
                            () -> row.cells().get(column), row.baseline().chosenProperty()), i == 0 ? 280 : 110));
        }
        Button report = new Button("Export report…");
        report.setId("export-report");
        report.setOnAction(e -> Dialogs.chooseFolder(this, "Folder for the report")
                .ifPresent(folder -> exportReport.accept(folder.toPath())));
        HBox toolbar = new HBox(ExportMenus.table(model::table), report);
        toolbar.getStyleClass().add("view-toolbar");
        SplitPane split = new SplitPane(new ChartGrid(model.charts()), table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        setTop(toolbar);
        setCenter(split);
    }

    private static TableColumn<CompareRow, ?> baselineColumn(String header) {
        TableColumn<CompareRow, CompareRow> baseline = new TableColumn<>(header);
        baseline.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        baseline.setCellFactory(cells -> new BaselineCell());
        baseline.setPrefWidth(330);
        return baseline;
    }

    /** The row's baseline, changeable where the run has more than none; "–" for serial runs and runs without one. */
    private static final class BaselineCell extends TableCell<CompareRow, CompareRow> {
        private final BaselineChooser chooser = new BaselineChooser("");

        BaselineCell() {
            chooser.setMinWidth(0); // a narrow column cuts the text; the tooltip holds it whole
            chooser.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(CompareRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean choice = !empty && row != null && !row.baseline().eligible().isEmpty();
            if (choice) {
                chooser.bindTo(row.baseline());
            }
            setGraphic(choice ? chooser : null);
            setText(empty || choice ? null : "–");
        }
    }
}
