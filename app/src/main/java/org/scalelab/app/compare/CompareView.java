package org.scalelab.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.scalelab.app.charts.ChartGrid;
import org.scalelab.app.export.ExportMenus;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Tables;

/** Runs overlaid on every chart above the scaling table, with table and report export. */
public final class CompareView extends BorderPane {

    /** @param exportReport writes the report folder the user chose */
    public CompareView(CompareViewModel model, Consumer<Path> exportReport) {
        TableView<List<String>> table = new TableView<>(model.rows());
        table.setId("scaling");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<String> headers = CompareViewModel.headers();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            // The configuration names the run: give it the room it needs.
            table.getColumns().add(Tables.column(headers.get(i), (List<String> row) -> row.get(column), i == 0 ? 280 : 110));
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
}
