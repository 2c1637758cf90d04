package org.scalelab.app.live;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.scalelab.app.charts.ChartGrid;
import org.scalelab.app.replay.ReplayPlayer;

/** The live tab: the run's title, the offer to run a missing serial baseline, replay pause, and the charts. */
public final class LiveView extends BorderPane {

    public LiveView(LiveRunViewModel model, ReplayPlayer player, BooleanBinding baselineMissing, Runnable runBaseline) {
        Label title = new Label();
        title.getStyleClass().add("live-title");
        title.textProperty().bind(model.titleProperty());

        Button baseline = new Button("Run serial baseline (for speedup)");
        baseline.setId("run-baseline");
        baseline.setOnAction(e -> runBaseline.run());
        baseline.visibleProperty().bind(baselineMissing.and(Bindings.createBooleanBinding(
                () -> !model.stateProperty().get().isActive(), model.stateProperty())));
        baseline.managedProperty().bind(baseline.visibleProperty());

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
        });
        pause.visibleProperty().bind(model.stateProperty().isEqualTo(LiveState.REPLAYING));
        pause.managedProperty().bind(pause.visibleProperty());

        HBox toolbar = new HBox(title, baseline, pause);
        toolbar.getStyleClass().add("view-toolbar");
        setTop(toolbar);
        setCenter(new ChartGrid(model.charts()));
    }
}
