package org.scalelab.app.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.EPOCHS;
import static org.scalelab.engine.config.TrainingOptions.STEPS_PER_EPOCH;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.Calibrations;
import org.scalelab.app.Workbench;
import org.scalelab.app.WorkbenchWindow;
import org.scalelab.app.library.LibraryRow;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.studies.CellStatus;
import org.scalelab.engine.studies.StudyRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Studies tab as a person uses it, headless: compose a grid from the setup, run it, watch it fill; close mid-run. */
@ExtendWith(ApplicationExtension.class)
class StudiesTabFxTest {
    @TempDir
    static Path folder;

    private static final StrategyAvailability IN_THIS_JVM = (strategy, processes) -> strategy.needsMpj(processes)
            ? Optional.of("not in this test") : Optional.empty();

    private Workbench workbench;
    private RunStore runs;

    @Start
    void start(Stage stage) {
        WorkbenchWindow window = WorkbenchWindow.show(stage, folder, IN_THIS_JVM);
        workbench = window.workbench();
        runs = window.runs();
    }

    @Test
    void aThreeCellStudyComposedFromTheSetupRunsAndItsTableAndChartsFill(FxRobot robot) throws Exception {
        robot.interact(() -> {
            workbench.experiment().text(EPOCHS).set("2");
            workbench.experiment().text(STEPS_PER_EPOCH).set("6");
            robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(0);
            @SuppressWarnings("unchecked")
            CheckComboBox<Strategy> strategies = robot.lookup("#compose-strategies").queryAs(CheckComboBox.class);
            strategies.getCheckModel().check(Strategy.INTRA_OP);
            robot.lookup("#study-composer").queryAs(TitledPane.class).setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#compose-use").queryAs(Button.class).fire());
        String preview = robot.lookup("#study-preview").queryAs(Label.class).getText();
        assertTrue(preview.startsWith("3 cells (1 serial baselines)"), "preview: '" + preview + "', composer: '"
                + robot.lookup("#compose-problem").queryAs(Label.class).getText() + "'");

        robot.interact(() -> robot.lookup("#study-start").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> workbench.studies().runningProperty().get());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !workbench.studies().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        StudyRecord study = workbench.studies().studyProperty().get();
        assertEquals(3, study.cells().size());
        study.cells().forEach(cell -> assertEquals(CellStatus.FINISHED, cell.status(), cell.label()));
        @SuppressWarnings("unchecked")
        TableView<List<String>> table = robot.lookup("#study-table").queryAs(TableView.class);
        assertEquals(3, table.getItems().size(), "a row per point");
        assertEquals("serial", table.getItems().get(0).get(0));
        XYPlot speedup = (XYPlot) robot.lookup("#study-speedup").queryAs(ChartViewer.class).getChart().getPlot();
        int points = 0;
        for (int series = 1; series < speedup.getDataset().getSeriesCount(); series++) {
            points += speedup.getDataset().getItemCount(series);
        }
        assertEquals(3, points, "serial, threads and intra-op at their cores");
        assertFalse(robot.lookup("#study-export").queryAs(Button.class).isDisabled(), "the report can be exported");

        List<LibraryRow> library = List.copyOf(workbench.library().rows());
        assertEquals(3, library.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(study.name(), library.get(i).study(), "the library names the study of each cell");
            assertEquals(study.cells().get(i).runId(), library.get(i).record().runId(), "in the study's order");
        }
    }

    @Test
    void withThisMachineCalibratedAPlansPredictionsStandBesideTheMeasurementsInTheTableAndChart(FxRobot robot)
            throws Exception {
        Path plan = Files.writeString(folder.resolve("predicted.json"), """
                {"name": "Predicted threads", "base": {"dataset": "mnist-mini", "model": "mlp-235k", "epochs": 1,
                 "stepsPerEpoch": 3, "seed": 3},
                 "configurations": [{"label": "Two threads", "strategy": "threads", "threads": 2}],
                 "predict": {"threads": [4, 64]}}
                """);
        robot.interact(() -> {
            workbench.studies().planFileProperty().set(plan);
            try {
                workbench.studies().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !workbench.studies().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<List<String>> table = robot.lookup("#study-table").queryAs(TableView.class);
        assertFalse(headers(table).contains("Predicted images/s"), "no calibration here yet: " + headers(table));
        assertEquals(2, table.getItems().size(), "serial and two threads, measured");

        MachineCalibration calibration = Calibrations.saveInto(folder);
        robot.interact(workbench.whatIf()::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.whatIf().calibrationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> headers = headers(table);
        int predicted = headers.indexOf("Predicted images/s");
        int error = headers.indexOf("Prediction error");
        assertTrue(predicted > 0 && error > 0, headers.toString());
        List<String> two = table.getItems().stream().filter(row -> row.get(0).equals("Two threads")).findFirst().orElseThrow();
        assertFalse(two.get(predicted).isBlank(), "predicted beside measured: " + two);
        assertTrue(two.get(error).endsWith("%"), "with the error: " + two);
        List<String> labels = table.getItems().stream().map(row -> row.get(0)).toList();
        assertTrue(labels.contains("threads 1P×64T (predicted)"), "a configuration only predicted: " + labels);
        XYPlot speedup = (XYPlot) robot.lookup("#study-speedup").queryAs(ChartViewer.class).getChart().getPlot();
        List<String> series = new ArrayList<>();
        for (int i = 0; i < speedup.getDataset().getSeriesCount(); i++) {
            series.add(speedup.getDataset().getSeriesKey(i).toString());
        }
        assertTrue(series.contains("threads (predicted beyond this machine)"), series.toString());
        assertTrue(calibration.machine().logicalCores() < 64);
    }

    private static List<String> headers(TableView<?> table) {
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    @Test
    void closingTheWindowMidRunAsksFirstAndThenSavesTheRunAsCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.experiment().text(EPOCHS).set("50"));
        robot.interact(workbench::run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.live().stateProperty().get() == LiveState.RUNNING
                && !runs.list().records().isEmpty());

        assertFalse(workbench.closeRequested(() -> false), "the user said no: the window stays");
        assertTrue(workbench.busy());
        assertTrue(workbench.closeRequested(() -> true));
        RunRecord record = runs.list().records().get(0);
        assertEquals(RunStatus.CANCELLED, record.status(), "cut off by closing, saved as cancelled, never running");
    }
}
