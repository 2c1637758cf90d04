package org.scalelab.app.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.jfree.chart.fx.ChartViewer;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.report.ReportFormat;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.studies.StudyCharts;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyReport;
import org.scalelab.engine.studies.StudyResults;
import org.scalelab.engine.studies.StudyTable;

/**
 * The Studies tab: choose or compose a plan, see what it would run, start, pause, resume or cancel it, and watch its
 * table fill and its speedup and efficiency charts grow as cells finish. A row opens its run in the live view.
 */
public final class StudiesView extends VBox {
    private static final List<Integer> COUNTS = List.of(1, 2, 3, 4, 6, 8);
    private static final List<Integer> BATCHES = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);
    private static final double EARLIER_STUDY_WIDTH = 460;

    private final StudiesViewModel model;
    private final TableView<List<String>> table = new TableView<>();
    private final ChartViewer speedup = chartViewer("study-speedup");
    private final ChartViewer efficiency = chartViewer("study-efficiency");

    /**
     * @param setup   the workbench's current configuration, the base of a composed plan; empty while invalid
     * @param openRun shows a cell's run (by id) in the live view
     */
    public StudiesView(StudiesViewModel model, Supplier<java.util.Optional<TrainingConfig>> setup, Consumer<String> openRun) {
        this.model = model;
        getStyleClass().add("studies-view");
        setSpacing(8);
        setPadding(new Insets(10));
        table.setId("study-table");
        table.setPlaceholder(new Label("Choose or compose a plan, then Start: a row appears as each cell finishes."));
        table.setRowFactory(view -> {
            TableRow<List<String>> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    runIdOf(row.getIndex()).ifPresent(openRun);
                }
            });
            return row;
        });
        HBox charts = new HBox(8, speedup, efficiency);
        HBox.setHgrow(speedup, Priority.ALWAYS);
        HBox.setHgrow(efficiency, Priority.ALWAYS);
        SplitPane results = new SplitPane(table, charts);
        results.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(results, Priority.ALWAYS);
        getChildren().addAll(planRow(), composer(setup), optionsRow(), preview(), controls(), results, earlierRow());
        model.resultsProperty().addListener((o, was, now) -> show(now));
    }

    private HBox planRow() {
        ComboBox<Path> plans = new ComboBox<>(model.readyPlans());
        plans.setId("study-plan");
        plans.setPromptText("a ready plan");
        plans.setConverter(fileNames());
        plans.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.planFileProperty().set(now);
            }
        });
        Button open = new Button("Open plan…");
        open.setOnAction(e -> Dialogs.openFile(this, "Study plan", "json")
                .ifPresent(file -> model.planFileProperty().set(file.toPath())));
        Label chosen = new Label();
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.planFileProperty().get() == null ? ""
                : model.planFileProperty().get().getFileName().toString(), model.planFileProperty()));
        HBox row = new HBox(8, new Label("Plan"), plans, open, chosen);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Strategies and the P, T and batch values to try, composed into a plan over the current setup. */
    private TitledPane composer(Supplier<java.util.Optional<TrainingConfig>> setup) {
        CheckComboBox<Strategy> strategies = new CheckComboBox<>(FXCollections.observableArrayList(Strategy.values()));
        strategies.setId("compose-strategies");
        strategies.getCheckModel().check(Strategy.THREADS);
        CheckComboBox<Integer> processes = counts("compose-procs", COUNTS, 2);
        CheckComboBox<Integer> threads = counts("compose-threads", COUNTS, 2);
        CheckComboBox<Integer> batches = counts("compose-batches", BATCHES, -1);
        Spinner<Integer> repeats = new Spinner<>(1, 10, 1);
        repeats.setId("compose-repeats");
        repeats.setPrefWidth(80);
        TextField name = new TextField("My study");
        name.setId("compose-name");
        Button use = new Button("Use this grid");
        use.setId("compose-use");
        Label problem = new Label();
        problem.setId("compose-problem");
        problem.getStyleClass().add("error-text");
        use.setOnAction(e -> setup.get().ifPresentOrElse(config -> {
            try {
                model.compose(StudyComposer.plan(name.getText().isBlank() ? "My study" : name.getText().strip(), config,
                        strategies.getCheckModel().getCheckedItems(), processes.getCheckModel().getCheckedItems(),
                        threads.getCheckModel().getCheckedItems(), batches.getCheckModel().getCheckedItems(),
                        repeats.getValue()));
                problem.setText("");
            } catch (IOException | RuntimeException failure) {
                problem.setText(failure.getMessage());
            }
        }, () -> problem.setText("The setup on the left has a faulty field: fix it first.")));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Name"), name, new Label("Repeats"), repeats);
        grid.addRow(1, new Label("Strategies"), strategies, new Label("Batch sizes"), batches);
        grid.addRow(2, new Label("P values"), processes, new Label("T values"), threads);
        HBox actions = new HBox(8, use, problem);
        actions.setAlignment(Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane("Compose a grid from the current setup", new VBox(6, grid, actions));
        pane.setId("study-composer");
        pane.setExpanded(false);
        return pane;
    }

    private static CheckComboBox<Integer> counts(String id, List<Integer> values, int checked) {
        CheckComboBox<Integer> box = new CheckComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        if (checked > 0) {
            box.getCheckModel().check(Integer.valueOf(checked));
        }
        return box;
    }

    private HBox optionsRow() {
        CheckBox quick = new CheckBox("Quick (the plan's shortened form)");
        quick.setId("study-quick");
        quick.selectedProperty().bindBidirectional(model.quickProperty());
        CheckBox oversubscribe = new CheckBox("Run cells that need more cores than this machine has");
        oversubscribe.setId("study-oversubscribe");
        oversubscribe.selectedProperty().bindBidirectional(model.allowOversubscribeProperty());
        oversubscribe.setTooltip(new Tooltip("Their timings cannot show the speedup the configuration could reach; "
                + "they are marked oversubscribed in the table and charts."));
        return new HBox(16, quick, oversubscribe);
    }

    private Label preview() {
        Label preview = new Label();
        preview.setId("study-preview");
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewProperty());
        return preview;
    }

    private FlowPane controls() {
        Button start = new Button("Start");
        start.setId("study-start");
        start.getStyleClass().add("primary");
        start.disableProperty().bind(model.runningProperty().or(model.planFileProperty().isNull()));
        start.setOnAction(e -> {
            try {
                model.start();
            } catch (IOException | RuntimeException problem) {
                Dialogs.error(this, "Could not start the study", problem);
            }
        });
        Button pause = new Button("Pause after this cell");
        pause.setId("study-pause");
        pause.disableProperty().bind(model.runningProperty().not());
        pause.setOnAction(e -> model.pauseAfterThisCell());
        Button resume = new Button("Resume");
        resume.setId("study-resume");
        resume.disableProperty().bind(model.runningProperty().or(Bindings.createBooleanBinding(
                () -> !StudiesViewModel.resumable(model.studyProperty().get()), model.studyProperty())));
        resume.setOnAction(e -> model.resume(model.studyProperty().get()));
        Button cancel = new Button("Cancel");
        cancel.setId("study-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("study-progress");
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            StudyRecord study = model.studyProperty().get();
            return study == null || study.cells().isEmpty() ? 0 : (double) study.cellsDone() / study.cells().size();
        }, model.studyProperty()));
        Label current = new Label();
        current.setId("study-current");
        current.textProperty().bind(model.currentCellProperty());
        FlowPane row = new FlowPane(8, 6, start, pause, resume, cancel, progress, current);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox earlierRow() {
        ComboBox<StudyRecord> earlier = new ComboBox<>(model.earlierStudies());
        earlier.setId("study-earlier");
        earlier.setPromptText("earlier studies");
        earlier.setCellFactory(list -> new StudyCell());
        earlier.setButtonCell(new StudyCell());
        Button open = new Button("Open");
        open.disableProperty().bind(earlier.valueProperty().isNull().or(model.runningProperty()));
        open.setOnAction(e -> model.open(earlier.getValue()));
        Button export = new Button("Export report…");
        export.setId("study-export");
        export.disableProperty().bind(model.resultsProperty().isNull());
        export.setOnAction(e -> Dialogs.chooseFolder(this, "Folder for the study's report").ifPresent(folder -> {
            StudyResults results = model.resultsProperty().get();
            Path target = folder.toPath().resolve(results.study().studyId());
            try {
                StudyReport.write(results, target, EnumSet.allOf(ReportFormat.class));
                Dialogs.info(this, "Report written", "The table and charts are in " + target);
            } catch (IOException problem) {
                Dialogs.error(this, "Could not write the report", problem);
            }
        }));
        earlier.setPrefWidth(EARLIER_STUDY_WIDTH); // its longest entry would push the buttons off the row
        HBox row = new HBox(8, new Label("Earlier studies"), earlier, open, export);
        row.getChildren().forEach(node -> {
            if (node instanceof javafx.scene.control.Control control && node != earlier) {
                control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels and buttons read in full
            }
        });
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void show(StudyResults results) {
        if (results == null) {
            table.getColumns().clear();
            table.getItems().clear();
            return;
        }
        ReportTable report = StudyTable.of(results);
        if (table.getColumns().size() != report.headers().size()) {
            table.getColumns().clear();
            for (int c = 0; c < report.headers().size(); c++) {
                int column = c;
                TableColumn<List<String>, String> tableColumn = new TableColumn<>(report.headers().get(c));
                tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(column)));
                tableColumn.setPrefWidth(c == 0 ? 170 : c == report.headers().size() - 1 ? 200 : 95);
                table.getColumns().add(tableColumn);
            }
        }
        table.getItems().setAll(report.shownRows());
        speedup.setChart(StudyCharts.speedup(results));
        efficiency.setChart(StudyCharts.efficiency(results));
    }

    /** The run of the first finished repeat of the table's row, to open. */
    private java.util.Optional<String> runIdOf(int rowIndex) {
        StudyResults results = model.resultsProperty().get();
        if (results == null || rowIndex >= results.rows().size()) {
            return java.util.Optional.empty();
        }
        return results.rows().get(rowIndex).repeats().stream().filter(StudyResults.CellFigures::measured)
                .map(figures -> figures.record().runId()).findFirst();
    }

    private static ChartViewer chartViewer(String id) {
        ChartViewer viewer = new ChartViewer(null, false);
        viewer.setId(id);
        viewer.setMinSize(240, 180);
        return viewer;
    }

    private static StringConverter<Path> fileNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Path path) {
                return path == null ? "" : path.getFileName().toString();
            }

            @Override
            public Path fromString(String text) {
                return null;
            }
        };
    }

    /** An earlier study in the list: its name, state and cells done. */
    private static final class StudyCell extends ListCell<StudyRecord> {
        @Override
        protected void updateItem(StudyRecord study, boolean empty) {
            super.updateItem(study, empty);
            setText(empty || study == null ? null : study.name() + " — " + study.effectiveStatus() + ", "
                    + study.cellsDone() + "/" + study.cells().size() + " cells, "
                    + RunTables.minute(java.time.Instant.parse(study.createdAt())));
        }
    }
}
