package org.scalelab.app.charts;

import java.io.IOException;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.engine.report.ChartFormat;
import org.scalelab.engine.runs.report.ChartBook;
import org.scalelab.engine.runs.report.ChartKind;

/** Shows every chart of a {@link ChartBook} in a grid; each chart's context menu exports it to PNG or SVG. */
public final class ChartGrid extends GridPane {
    private static final int COLUMNS = 3;

    public ChartGrid(ChartBook book) {
        getStyleClass().add("chart-grid");
        ChartKind[] kinds = ChartKind.values();
        for (int i = 0; i < kinds.length; i++) {
            add(viewer(book.chart(kinds[i]), kinds[i]), i % COLUMNS, i / COLUMNS);
        }
        for (int column = 0; column < COLUMNS; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / COLUMNS);
            getColumnConstraints().add(constraints);
        }
        int rows = (kinds.length + COLUMNS - 1) / COLUMNS;
        for (int row = 0; row < rows; row++) {
            RowConstraints constraints = new RowConstraints();
            constraints.setPercentHeight(100.0 / rows);
            constraints.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(constraints);
        }
    }

    private static ChartViewer viewer(JFreeChart chart, ChartKind kind) {
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.setId("chart-" + kind.fileName());
        viewer.getStyleClass().add("chart-card");
        viewer.setMinSize(200, 160);
        ContextMenu menu = new ContextMenu(List.of(ChartFormat.values()).stream()
                .map(format -> exportItem(viewer, kind, format)).toArray(MenuItem[]::new));
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        return viewer;
    }

    private static MenuItem exportItem(ChartViewer viewer, ChartKind kind, ChartFormat format) {
        MenuItem item = new MenuItem("Export " + format + "…");
        item.setOnAction(e -> Dialogs.saveFile(viewer, kind.fileName() + "." + format.extension(), format.extension())
                .ifPresent(file -> {
                    try {
                        format.write(viewer.getChart(), file.toPath());
                    } catch (IOException problem) {
                        Dialogs.error(viewer, "Could not export the chart", problem);
                    }
                }));
        return item;
    }
}
