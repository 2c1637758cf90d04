package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.export.ExportAssertions;
import org.scalelab.app.library.LibraryRow;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.replay.ReplaySpeed;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.data.DatasetSummary;
import org.scalelab.engine.runs.RunStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench as a person uses it, headless (Monocle): set up, run, watch, fail. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFxTest {
    @TempDir
    static Path folder;

    private Workbench workbench;
    private RunStore runs;

    @Start
    void start(Stage stage) {
        DatasetCatalog catalog = new DatasetCatalog(folder.resolve("data"), folder.resolve("not-installed"));
        runs = new RunStore(folder.resolve("runs-" + System.nanoTime()));
        workbench = new Workbench(new WorkbenchSettings(catalog, runs, "mlp-235k"), Threads.javafx());
        Scene scene = new Scene(new WorkbenchView(workbench), 1200, 760); // within Monocle's 1280×800 headless screen
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(ScaleLabApp.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void runsATinyExperimentToTheEndAndChartsIt(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#epochs").queryAs(TextField.class).setText("1"));
        clickRun(robot);
        waitForState(LiveState.FINISHED);
        assertTrue(workbench.live().charts().traces().get(0).stepPoints() > 10, "per-step loss points");
        assertEquals(1, workbench.live().charts().traces().get(0).epochPoints());
        assertEquals("Epoch 1 / 1", robot.lookup("#status-epoch").queryAs(Label.class).getText());
    }

    @Test
    void aFinishedRunIsInTheLibraryAndReplaysComparesAndExports(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#epochs").queryAs(TextField.class).setText("1"));
        clickRun(robot);
        waitForState(LiveState.FINISHED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.library().rows().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<LibraryRow> library = robot.lookup("#library").queryAs(TableView.class);
        assertEquals(1, library.getItems().size());
        assertEquals("finished", library.getItems().get(0).status());

        robot.interact(() -> workbench.replay(library.getItems().get(0), ReplaySpeed.FULL));
        waitForState(LiveState.FINISHED);
        assertTrue(workbench.live().charts().traces().get(0).stepPoints() > 10, "replay charts the steps again");

        robot.interact(() -> workbench.compare(List.copyOf(library.getItems())));
        Path report = folder.resolve("report-" + System.nanoTime());
        robot.interact(() -> {
            try {
                workbench.exportReport(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ExportAssertions.assertChartPng(report.resolve("charts/loss.png"));
        ExportAssertions.assertSvg(report.resolve("charts/speedup.svg"));
        assertTrue(Files.readString(report.resolve("tables/scaling.md")).contains("| Configuration |"));
        assertTrue(Files.readString(report.resolve("tables/runs.tex")).contains("\\begin{tabular}"));
        try (var records = Files.list(report.resolve("runs"))) {
            assertEquals(1, records.count());
        }
    }

    @Test
    void anInvalidFieldBlocksRunWithItsMessage(FxRobot robot) {
        robot.interact(() -> robot.lookup("#batch-size").queryAs(TextField.class).setText("0"));
        assertTrue(robot.lookup("#run").queryAs(Button.class).isDisabled());
        String reason = robot.lookup("#blocked-reason").queryAs(Label.class).getText();
        assertEquals("Batch size: Batch size 0: expected an integer ≥ 1", reason);
    }

    @Test
    void aFailingRunShowsItsError(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<DatasetSummary> datasets = robot.lookup("#dataset").queryAs(ComboBox.class);
        robot.interact(() -> datasets.getSelectionModel().select(datasets.getItems().stream()
                .filter(d -> d.info().name().equals("synthetic-cifar")).findFirst().orElseThrow()));
        clickRun(robot);
        waitForState(LiveState.FAILED);
        String message = robot.lookup("#run-message").queryAs(Label.class).getText();
        assertTrue(message.contains("expects 1×28×28 images"), message);
    }

    /** Fires the button as a click would; the setup panel may have scrolled it out of the small test screen. */
    private static void clickRun(FxRobot robot) {
        Button run = robot.lookup("#run").queryAs(Button.class);
        assertTrue(!run.isDisabled(), "Run is enabled");
        robot.interact(run::fire);
    }

    private void waitForState(LiveState expected) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            LiveState state = workbench.live().stateProperty().get();
            return state != LiveState.IDLE && !state.isActive();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected, workbench.live().stateProperty().get(), workbench.live().messageProperty().get());
    }
}
