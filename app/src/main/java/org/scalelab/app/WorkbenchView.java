package org.scalelab.app;

import java.io.IOException;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.scalelab.app.compare.CompareView;
import org.scalelab.app.library.LibraryView;
import org.scalelab.app.live.LiveView;
import org.scalelab.app.live.RunControls;
import org.scalelab.app.live.StatusBar;
import org.scalelab.app.setup.ArchitectureView;
import org.scalelab.app.setup.DatasetView;
import org.scalelab.app.setup.ExperimentView;
import org.scalelab.app.studies.StudiesView;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Forms;

/** The main window's layout: header, experiment setup on the left, live charts, library and comparison as tabs. */
public final class WorkbenchView extends BorderPane {

    private static final String STYLESHEET = "/org/scalelab/app/workbench.css";

    public WorkbenchView(Workbench workbench) {
        getStylesheets().add(Objects.requireNonNull(WorkbenchView.class.getResource(STYLESHEET)).toExternalForm());
        setTop(header());
        setLeft(setupPanel(workbench));
        Tab live = new Tab("Live", new LiveView(workbench.live(), workbench.player(), workbench.baselineMissing(),
                workbench::runBaseline, workbench::runCalibration));
        Tab compare = new Tab("Compare", new CompareView(workbench.comparison(), folder -> {
            try {
                workbench.exportReport(folder);
            } catch (IOException problem) {
                Dialogs.error(this, "Could not write the report", problem);
            }
        }));
        TabPane tabs = new TabPane(live);
        Tab library = new Tab("Library", new LibraryView(workbench.library(),
                (row, speed) -> {
                    workbench.replay(row, speed);
                    tabs.getSelectionModel().select(live);
                },
                rows -> {
                    workbench.compare(rows);
                    tabs.getSelectionModel().select(compare);
                }));
        Tab studies = new Tab("Studies", new StudiesView(workbench.studies(), workbench.experiment()::config, runId -> {
            workbench.replay(runId);
            tabs.getSelectionModel().select(live);
        }));
        studies.setId("studies-tab");
        tabs.getTabs().addAll(studies, library, compare);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setBottom(new StatusBar(workbench.live()));
    }

    /** The title line: also what the window shows while the workbench is being built into it. */
    static HBox header() {
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
                Forms.section("DATASET"), new DatasetView(workbench.datasets()),
                Forms.section("ARCHITECTURE"), new ArchitectureView(workbench.architectures()),
                new ExperimentView(workbench.experiment()),
                new RunControls(workbench.experiment().blockedReasonProperty(), workbench.nativeReady(),
                        workbench.launcher().runningProperty(), workbench::run, workbench.launcher()::stop));
        panel.getStyleClass().add("setup-panel");
        panel.setPrefWidth(380); // room for the longest rows (averaging, host file) beside a scroll bar
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("setup-scroll");
        scroll.setPadding(Insets.EMPTY);
        return scroll;
    }
}
