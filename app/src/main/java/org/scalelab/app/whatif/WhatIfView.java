package org.scalelab.app.whatif;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.scalelab.app.ui.Forms;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOptions;

/**
 * The What-if tab: which calibration predicts (or why none can, with "Calibrate this machine"), the configuration's
 * settings on the left, and on the right the predicted speedup against workers and the chosen configuration's step,
 * redrawn as any setting moves.
 */
public final class WhatIfView extends BorderPane {
    private static final String BOUND = "whatif-bound";

    public WhatIfView(WhatIfViewModel model) {
        setTop(calibrationRow(model));
        setLeft(settings(model));
        ChartViewer speedup = viewer("whatif-speedup", model.charts().speedup());
        ChartViewer breakdown = viewer("whatif-breakdown", model.charts().breakdown());
        HBox charts = new HBox(8, speedup, breakdown);
        HBox.setHgrow(speedup, Priority.ALWAYS);
        HBox.setHgrow(breakdown, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label summary = Forms.message("whatif-figures", model.summaryProperty());
        summary.setId("whatif-summary");
        Label crossover = Forms.message("whatif-figures", model.crossoverProperty());
        crossover.setId("whatif-crossover");
        Label placement = Forms.message("whatif-figures", model.placementProperty());
        placement.setId("whatif-placement");
        VBox results = new VBox(6, summary, placement, crossover, charts);
        results.getStyleClass().add("view-toolbar");
        setCenter(results);
    }

    private static Node calibrationRow(WhatIfViewModel model) {
        Label used = new Label();
        used.setId("whatif-calibration");
        used.setWrapText(true);
        used.textProperty().bind(model.calibrationTextProperty());
        Button calibrate = new Button();
        calibrate.setId("whatif-calibrate");
        calibrate.textProperty().bind(Bindings.when(model.calibrationProperty().isNull())
                .then("Calibrate this machine").otherwise("Calibrate again"));
        calibrate.setOnAction(e -> model.calibrate());
        calibrate.disableProperty().bind(model.calibratingProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("whatif-progress");
        progress.progressProperty().bind(model.calibrationProgressProperty());
        Label step = new Label();
        step.textProperty().bind(model.calibrationStepProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("whatif-cancel");
        cancel.setOnAction(e -> model.cancelCalibration());
        HBox running = new HBox(6, progress, step, cancel);
        running.setId("whatif-calibrating");
        running.visibleProperty().bind(model.calibratingProperty());
        running.managedProperty().bind(running.visibleProperty());
        HBox row = new HBox(8, used, calibrate, running);
        row.getStyleClass().add("view-toolbar");
        return row;
    }

    private static Node settings(WhatIfViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ComboBox<String> models = new ComboBox<>(model.models());
        models.valueProperty().bindBidirectional(model.modelProperty());
        ComboBox<Strategy> strategies = new ComboBox<>();
        strategies.getItems().setAll(Strategy.values());
        strategies.valueProperty().bindBidirectional(model.strategyProperty());
        ComboBox<String> networks = new ComboBox<>();
        networks.getItems().setAll(WhatIfViewModel.NETWORKS);
        networks.valueProperty().bindBidirectional(model.networkProperty());
        ComboBox<Scaling> scalings = new ComboBox<>();
        scalings.getItems().setAll(Scaling.values());
        scalings.valueProperty().bindBidirectional(model.scalingProperty());
        Spinner<Double> latency = decimals("whatif-latency", 0, 100_000, model.latencyMicrosProperty());
        Spinner<Double> bandwidth = decimals("whatif-bandwidth", 0.001, 10_000, model.bandwidthGbpsProperty());
        int row = 0;
        row = add(grid, row, "Model", id(models, "whatif-model"));
        row = add(grid, row, "Strategy", id(strategies, "whatif-strategy"));
        row = add(grid, row, "Processes P", integers("whatif-procs", 1, 4096, model.procsProperty()));
        row = add(grid, row, "Threads T", integers("whatif-threads", 1, 256, model.threadsProperty()));
        row = add(grid, row, "Hosts", integers("whatif-hosts", 1, 4096, model.hostsProperty()));
        row = add(grid, row, "Cores per host", integers("whatif-cores-per-host", 1, 1024, model.coresPerHostProperty()));
        row = add(grid, row, "Network", id(networks, "whatif-network"));
        Label latencyLabel = new Label("Latency µs");
        Label bandwidthLabel = new Label("Bandwidth Gbit/s");
        for (Node custom : new Node[] {latency, bandwidth, latencyLabel, bandwidthLabel}) {
            custom.visibleProperty().bind(model.networkProperty().isEqualTo(WhatIfViewModel.CUSTOM));
            custom.managedProperty().bind(custom.visibleProperty());
        }
        grid.addRow(row++, latencyLabel, latency);
        grid.addRow(row++, bandwidthLabel, bandwidth);
        row = add(grid, row, "Batch", integers("whatif-batch", 1, 1 << 20, model.batchProperty()));
        row = add(grid, row, "Scaling", id(scalings, "whatif-scaling"));
        CheckBox overlap = id(new CheckBox("beside the backward pass"), "whatif-overlap");
        overlap.selectedProperty().bindBidirectional(model.overlapProperty());
        overlap.setTooltip(new Tooltip(TrainingOptions.OVERLAP.help()));
        Spinner<Integer> bucket = integers("whatif-bucket-kb", 1, 1 << 20, model.bucketKbProperty());
        bucket.setTooltip(new Tooltip(TrainingOptions.BUCKET_KB.help()));
        bucket.disableProperty().bind(overlap.selectedProperty().not());
        row = add(grid, row, "Allreduce", overlap);
        row = add(grid, row, "Bucket kB", bucket);
        Spinner<Integer> microbatches = integers("whatif-microbatches", 1, 1 << 20, model.microbatchesProperty());
        microbatches.setTooltip(new Tooltip(TrainingOptions.MICROBATCHES.help()));
        Label microbatchesLabel = new Label("Microbatches");
        var pipeline = Bindings.createBooleanBinding(() -> model.strategyProperty().get().splitsLayers(),
                model.strategyProperty());
        for (Node pipelineOnly : new Node[] {microbatches, microbatchesLabel}) {
            pipelineOnly.visibleProperty().bind(pipeline);
            pipelineOnly.managedProperty().bind(pipelineOnly.visibleProperty());
        }
        grid.addRow(row, microbatchesLabel, microbatches);
        Label problem = Forms.message("error-text", model.problemProperty());
        problem.setId("whatif-problem");
        problem.setMaxWidth(260);
        VBox panel = new VBox(8, Forms.section("WHAT IF"), grid, problem);
        panel.getStyleClass().add("setup-panel");
        return panel;
    }

    private static int add(GridPane grid, int row, String label, Node control) {
        grid.addRow(row, new Label(label), control);
        return row + 1;
    }

    private static <T extends Node> T id(T node, String id) {
        node.setId(id);
        return node;
    }

    /** An editable spinner kept equal to {@code value} both ways; a typed number counts when Enter or focus leaves. */
    private static Spinner<Integer> integers(String id, int min, int max, IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        ObjectProperty<Integer> boxed = value.asObject();
        spinner.getValueFactory().valueProperty().bindBidirectional(boxed);
        spinner.getProperties().put(BOUND, boxed); // a bidirectional binding holds it weakly
        return editable(id, spinner);
    }

    private static Spinner<Double> decimals(String id, double min, double max, DoubleProperty value) {
        Spinner<Double> spinner = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), 1));
        ObjectProperty<Double> boxed = value.asObject();
        spinner.getValueFactory().valueProperty().bindBidirectional(boxed);
        spinner.getProperties().put(BOUND, boxed);
        return editable(id, spinner);
    }

    private static <T> Spinner<T> editable(String id, Spinner<T> spinner) {
        spinner.setId(id);
        spinner.setEditable(true);
        // Enter takes the typed number (in the editor), and goes no further: the window's default button is Run
        spinner.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ENTER) {
                key.consume();
            }
        });
        spinner.setPrefWidth(110);
        return spinner;
    }

    private static ChartViewer viewer(String id, JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.setId(id);
        viewer.getStyleClass().add("chart-card");
        viewer.setMinSize(240, 200);
        return viewer;
    }
}
