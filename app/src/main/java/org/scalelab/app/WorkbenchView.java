package org.scalelab.app;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.scalelab.app.charts.ChartGrid;
import org.scalelab.app.setup.ArchitectureView;
import org.scalelab.app.setup.DatasetView;

/** The main window's layout: header, experiment setup on the left, live charts, library and comparison as tabs. */
public final class WorkbenchView extends BorderPane {

    public WorkbenchView(Workbench workbench) {
        setTop(header());
        setLeft(setupPanel(workbench));
        TabPane tabs = new TabPane(new Tab("Live", new ChartGrid(workbench.liveCharts())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
    }

    private static HBox header() {
        Label title = new Label("ScaleLab");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("how neural-network training scales");
        subtitle.getStyleClass().add("app-subtitle");
        HBox header = new HBox(title, subtitle);
        header.getStyleClass().add("app-header");
        return header;
    }

    private static ScrollPane setupPanel(Workbench workbench) {
        VBox panel = new VBox(
                section("DATASET"), new DatasetView(workbench.datasets()),
                section("ARCHITECTURE"), new ArchitectureView(workbench.architectures()));
        panel.getStyleClass().add("setup-panel");
        panel.setPrefWidth(360);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("setup-scroll");
        scroll.setPadding(Insets.EMPTY);
        return scroll;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        return label;
    }
}
