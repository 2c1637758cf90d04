package org.scalelab.app;

import java.io.IOException;
import java.nio.file.Path;
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
import org.scalelab.app.whatif.WhatIfView;

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
                Path written = workbench.exportReport(folder);
                Dialogs.info(this, "Report written", "The charts, tables and run records are in " + written);
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
                },
                workbench::runAgain));
        Tab studies = new Tab("Studies", new StudiesView(workbench.studies(), workbench.experiment()::config, runId -> {
            workbench.replay(runId);
            tabs.getSelectionModel().select(live);
        }));
        studies.setId("studies-tab");
        Tab whatIf = new Tab("What if", new WhatIfView(workbench.whatIf()));
        whatIf.setId("whatif-tab");
        tabs.getTabs().addAll(studies, library, compare, whatIf);
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

    /**
     * The setup fields scroll; Run and Stop stay under them, outside the scrolling part, so that no warning or
     * error line above can push Run out of sight.
     */
    private static BorderPane setupPanel(Workbench workbench) {
        VBox fields = new VBox(
                Forms.section("DATASET"), new DatasetView(workbench.datasets()),
                Forms.section("ARCHITECTURE"), new ArchitectureView(workbench.architectures()),
                new ExperimentView(workbench.experiment()));
        fields.getStyleClass().add("setup-panel");
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("setup-scroll");
        scroll.setPadding(Insets.EMPTY);
        RunControls controls = new RunControls(workbench.experiment().blockedReasonProperty(), workbench.nativeReady(),
                workbench.launcher().runningProperty(), workbench::run, workbench.launcher()::stop);
        controls.getStyleClass().add("setup-panel");
        BorderPane panel = new BorderPane(scroll, null, null, controls, null);
        panel.setPrefWidth(380); // room for the longest rows (averaging, host file) beside a scroll bar
        return panel;
    }
}
