package org.scalelab.app;

import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.runs.RunStore;

/**
 * The workbench in a headless window as the FX tests open it: its own runs folder under {@code folder}, no
 * installed datasets, the strategies {@code availability} allows, and the calibration saved as
 * {@code folder/calibration.json}, if a test saved one there.
 *
 * @param runs where this window's runs are saved
 */
public record WorkbenchWindow(Workbench workbench, RunStore runs) {

    public static WorkbenchWindow show(Stage stage, Path folder, StrategyAvailability availability) {
        return show(stage, folder, availability, 1200, 760);
    }

    /** The same window with a content area of the given size. */
    public static WorkbenchWindow show(Stage stage, Path folder, StrategyAvailability availability, double width,
                                       double height) {
        DatasetCatalog catalog = new DatasetCatalog(folder.resolve("data"), folder.resolve("not-installed"));
        RunStore runs = new RunStore(folder.resolve("runs-" + System.nanoTime()));
        Workbench workbench = new Workbench(new WorkbenchSettings(catalog, runs, "mlp-235k", availability,
                folder.resolve("calibration.json")), Threads.javafx());
        Scene scene = new Scene(new WorkbenchView(workbench), width, height);
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchView.class.getResource(ScaleLabApp.STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        return new WorkbenchWindow(workbench, runs);
    }
}
