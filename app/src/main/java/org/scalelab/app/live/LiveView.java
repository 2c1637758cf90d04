package org.scalelab.app.live;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scalelab.app.baseline.BaselineChooser;
import org.scalelab.app.charts.ChartGrid;
import org.scalelab.app.replay.ReplayPlayer;
import org.scalelab.engine.runs.speedup.Calibration;

/**
 * The live tab: the run's title, the baseline its speedup is measured against (or the offer to run one when none
 * is saved), replay pause, and the charts; for an asynchronous run also its updates' staleness.
 */
public final class LiveView extends BorderPane {

    /**
     * @param runBaseline    runs the full serial baseline the experiment's speedup needs
     * @param runCalibration runs a short serial calibration instead
     */
    public LiveView(LiveRunViewModel model, ReplayPlayer player, BooleanBinding baselineMissing, Runnable runBaseline,
                    Runnable runCalibration) {
        setId("live-view");
        Label title = new Label();
        title.getStyleClass().add("live-title");
        title.textProperty().bind(model.titleProperty());

        BooleanBinding offerBaseline = baselineMissing.and(Bindings.createBooleanBinding(
                () -> !model.stateProperty().get().isActive(), model.stateProperty()));
        Button baseline = offer("run-baseline", "Run serial baseline (for speedup)", runBaseline, offerBaseline);
        Button calibration = offer("run-calibration", "Quick calibration (" + Calibration.CALIBRATION_STEPS + " steps)",
                runCalibration, offerBaseline);
        calibration.setTooltip(new Tooltip("A serial run of " + Calibration.CALIBRATION_STEPS + " timed steps after "
                + Calibration.WARM_UP_STEPS + " warm-up steps: a quick baseline, labelled calibration wherever used"));

        BaselineChooser chosenBaseline = new BaselineChooser("Baseline: ");
        chosenBaseline.setId("baseline");
        chosenBaseline.bindTo(model.baseline());
        chosenBaseline.setMinWidth(Region.USE_PREF_SIZE); // the title gives way first: the baseline is never cut
        chosenBaseline.visibleProperty().bind(Bindings.isNotEmpty(model.baseline().eligible()));
        chosenBaseline.managedProperty().bind(chosenBaseline.visibleProperty());

        Button pause = new Button("Pause");
        pause.setId("pause");
        pause.setOnAction(e -> {
            if (player.isPaused()) {
                player.resume();
                pause.setText("Pause");
            } else {
                player.pause();
                pause.setText("Resume");
            }
            model.replayPaused(player.isPaused());
        });
        pause.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get().isReplay(),
                model.stateProperty()));
        pause.managedProperty().bind(pause.visibleProperty());

        HBox toolbar = new HBox(title, chosenBaseline, baseline, calibration, pause);
        toolbar.getStyleClass().add("view-toolbar");
        setTop(toolbar);
        setCenter(new ChartGrid(model.charts()));
        setBottom(stalenessChart(model));
    }

    /**
     * Asynchronous runs only: how many updates the parameter server applied at each staleness (0: computed on the
     * weights it had; k: k updates of other workers came in between), with the same in words above it.
     */
    private static VBox stalenessChart(LiveRunViewModel model) {
        CategoryAxis staleness = new CategoryAxis();
        staleness.setLabel("staleness (updates behind the server's weights)");
        NumberAxis updates = new NumberAxis();
        updates.setLabel("updates");
        BarChart<String, Number> chart = new BarChart<>(staleness, updates);
        chart.setId("staleness-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(200);
        chart.getData().add(new XYChart.Series<>("updates", model.stalenessBars()));
        Label summary = new Label();
        summary.setId("staleness-summary");
        summary.textProperty().bind(model.stalenessSummaryProperty());
        VBox box = new VBox(new Label("Staleness of the parameter server's updates"), summary, chart);
        box.setId("staleness");
        box.getStyleClass().add("chart-card");
        box.visibleProperty().bind(model.stalenessShownProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Button offer(String id, String text, Runnable action, BooleanBinding shown) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.visibleProperty().bind(shown);
        button.managedProperty().bind(shown);
        return button;
    }
}
