package org.scalelab.app.live;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.scalelab.app.ui.Forms;

/** Run and Stop, with the reason Run is blocked, or that it waits for the native libraries, right under them. */
public final class RunControls extends VBox {
    static final String PREPARING = "preparing native libraries…";

    /** @param nativeReady whether ND4J's native libraries are loaded: Run waits for them */
    public RunControls(ObservableStringValue blockedReason, ObservableBooleanValue nativeReady,
                       ObservableBooleanValue running, Runnable run, Runnable stop) {
        setSpacing(6);
        Button runButton = new Button("Run");
        runButton.setId("run");
        runButton.getStyleClass().add("run-button");
        runButton.setDefaultButton(true);
        runButton.disableProperty().bind(Bindings.or(running, Bindings.isNotEmpty(blockedReason))
                .or(Bindings.not(nativeReady)));
        runButton.setOnAction(e -> run.run());
        Button stopButton = new Button("Stop");
        stopButton.setId("stop");
        stopButton.getStyleClass().add("stop-button");
        stopButton.disableProperty().bind(Bindings.not(running));
        stopButton.setOnAction(e -> stop.run());
        StringBinding preparing = Bindings.when(nativeReady).then("").otherwise(PREPARING);
        Label waiting = Forms.message("hint", preparing);
        waiting.setId("native-state");
        Label reason = Forms.message("error-text", blockedReason);
        reason.setId("blocked-reason");
        getChildren().addAll(new HBox(8, runButton, stopButton), waiting, reason);
    }
}
