package org.scalelab.app;

import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.cli.StartupMarks;
import org.scalelab.engine.config.Folders;

/**
 * The JavaFX application: one window holding the workbench. Started by {@link Launcher}.
 *
 * <p>The window shows first, holding only its header and a line saying it is opening, and the workbench is
 * built into it on the next turn of the UI thread: building it loads a few thousand classes (seconds on a busy
 * machine), and a window that appears late looks like a launch that failed. ND4J's native libraries load behind
 * it; Run waits for them.
 */
public final class ScaleLabApp extends Application {
    static final String STYLESHEET = "/org/scalelab/app/styles/scalelab.css";

    @Override
    public void start(Stage stage) {
        Label opening = new Label("Opening the workbench…");
        BorderPane shell = new BorderPane(opening, WorkbenchView.header(), null, null, null);
        BorderPane.setAlignment(opening, Pos.CENTER);
        Path settings = Folders.ofThisUser().settings();
        WindowPlacement placement = WindowPlacement.forThisScreen(settings);
        Scene scene = new Scene(shell, placement.width(), placement.height());
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        stage.setTitle("ScaleLab — how neural-network training scales");
        stage.setScene(scene);
        stage.setOnShown(e -> {
            StartupMarks.mark(StartupMarks.WINDOW);
            Platform.runLater(() -> buildInto(stage, scene, placement, LastSetup.in(settings)));
        });
        stage.show();
    }

    private static void buildInto(Stage stage, Scene scene, WindowPlacement placement, LastSetup lastSetup) {
        Workbench workbench = new Workbench(WorkbenchSettings.defaults(), Threads.javafx());
        lastSetup.restoreInto(workbench.experiment());
        scene.setRoot(new WorkbenchView(workbench));
        StartupMarks.mark(StartupMarks.WORKBENCH);
        if (workbench.nativeReady().get()) {
            StartupMarks.mark(StartupMarks.NATIVE);
        } else {
            workbench.nativeReady().addListener((o, was, ready) -> StartupMarks.mark(StartupMarks.NATIVE));
        }
        stage.setOnCloseRequest(e -> {
            if (!workbench.closeRequested(() -> Dialogs.confirm(scene.getRoot(), "A run or study is in progress",
                    "Closing stops it: the run ends as cancelled in its record, and a study can be resumed later."
                            + " Close anyway?"))) {
                e.consume();
            } else {
                placement.remember(stage);
                lastSetup.keepFrom(workbench.experiment());
            }
        });
    }
}
