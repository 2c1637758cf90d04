package org.scalelab.app.live;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.scalelab.app.ui.Forms;

/** The bottom line: what the live view shows, where the run stands, and why it failed if it did. */
public final class StatusBar extends HBox {

    public StatusBar(LiveRunViewModel model) {
        getStyleClass().add("status-bar");
        Label state = new Label();
        state.setId("run-state");
        state.getStyleClass().add("status-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().label(),
                model.stateProperty()));
        Label title = item(model.titleProperty().get());
        title.textProperty().bind(model.titleProperty());
        Label epoch = item("");
        epoch.setId("status-epoch");
        epoch.textProperty().bind(model.epochProperty());
        Label step = item("");
        step.textProperty().bind(model.stepProperty());
        Label elapsed = item("");
        elapsed.textProperty().bind(model.elapsedProperty());
        Label eta = item("");
        eta.textProperty().bind(model.etaProperty());
        Label cpu = item("");
        cpu.setId("status-cpu");
        cpu.textProperty().bind(model.cpuProperty());
        Label message = Forms.message("error-text", model.messageProperty());
        message.setId("run-message");
        message.setMaxWidth(520);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(state, title, epoch, step, elapsed, eta, cpu, message, spacer, progress);
    }

    private static Label item(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("status-item");
        return label;
    }
}
