package org.scalelab.app;

import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Threads;

/** The JavaFX application: one window holding the workbench. Started by {@link Launcher}. */
public final class ScaleLabApp extends Application {
    static final String STYLESHEET = "/org/scalelab/app/styles/scalelab.css";

    @Override
    public void start(Stage stage) {
        Workbench workbench = new Workbench(WorkbenchSettings.defaults(), Threads.javafx());
        Scene scene = new Scene(new WorkbenchView(workbench), 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        stage.setTitle("ScaleLab — how neural-network training scales");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!workbench.closeRequested(() -> Dialogs.confirm(scene.getRoot(), "A run or study is in progress",
                    "Closing stops it: the run ends as cancelled in its record, and a study can be resumed later."
                            + " Close anyway?"))) {
                e.consume();
            }
        });
        stage.show();
    }
}
