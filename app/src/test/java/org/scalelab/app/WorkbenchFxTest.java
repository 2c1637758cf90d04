package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.charts.ExportAssertions;
import org.scalelab.app.library.LibraryRow;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.live.SyntheticRun;
import org.scalelab.app.replay.ReplaySpeed;
import org.scalelab.app.setup.ExperimentView;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetSummary;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.report.ChartKind;
import org.scalelab.engine.runs.speedup.Calibration;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench as a person uses it, headless (Monocle): set up, run, watch, fail. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFxTest {
    /** The run the replay test replays: long enough in real time to pause before it ends. */
    private static final int REPLAYED_EPOCHS = 8;

    @TempDir
    static Path folder;

    /** Whether or not this machine has MPJ Express, the workbench under test is told it has not. */
    private static final StrategyAvailability WITHOUT_MPJ = (strategy, processes) -> strategy.needsMpj(processes)
            ? Optional.of("MPJ Express is not installed: sudo apt-get install libmpj-java") : Optional.empty();

    private Workbench workbench;
    private RunStore runs;

    @Start
    void start(Stage stage) {
        WorkbenchWindow window = WorkbenchWindow.show(stage, folder, WITHOUT_MPJ);
        workbench = window.workbench();
        runs = window.runs();
    }

    @Test
    void everyTrainingOptionHasAFieldHoldingTheDefaultTheCommandLineShows(FxRobot robot) {
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            if (option == TrainingOptions.DATASET || option == TrainingOptions.MODEL) {
                continue; // chosen in the dataset and architecture panes, checked below
            }
            Node field = robot.lookup("#" + option.key()).query();
            assertEquals(option.defaultText(), shownText(field), option.key());
        }
        assertEquals(TrainingOptions.DATASET.defaultValue(), workbench.experiment().config().orElseThrow().data().dataset());
        assertEquals(TrainingOptions.MODEL.defaultValue(), workbench.experiment().config().orElseThrow().model().name());
    }

    /** What a field shows, in the words the command line uses for the value. */
    private static String shownText(Node field) {
        if (field instanceof TextField text) {
            return text.getText();
        }
        if (field instanceof CheckBox box) {
            return String.valueOf(box.isSelected());
        }
        return String.valueOf(((ComboBox<?>) field).getValue());
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
        runOneEpochIntoTheLibrary(robot);
        runs.save(SyntheticRun.record("not-compared", TrainingConfig.defaults(), Instant.now(), 0.02));
        robot.interact(() -> workbench.library().refresh());
        @SuppressWarnings("unchecked")
        TableView<LibraryRow> library = robot.lookup("#library").queryAs(TableView.class);
        LibraryRow finished = library.getItems().stream().filter(row -> !row.name().equals("not-compared")).findFirst()
                .orElseThrow();
        assertEquals("finished", finished.status());
        Path timeline = folder.resolve("timeline.json");
        workbench.library().exportTimeline(finished, timeline);
        JsonNode trace = Json.mapper().readTree(timeline.toFile());
        assertTrue(trace.get("traceEvents").size() > 100, "steps and their phases, as Perfetto reads them");
        assertEquals("Timeline…", robot.lookup("#timeline").queryAs(Button.class).getText());
        String name = finished.name();
        assertTrue(robot.lookup("#library .table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(cell -> cell.getTooltip() != null && name.equals(cell.getTooltip().getText())),
                "the run's whole name is in its cell's tooltip, however narrow the column");

        robot.interact(() -> workbench.replay(finished, ReplaySpeed.FULL));
        waitForState(LiveState.FINISHED);
        assertTrue(workbench.live().charts().traces().get(0).stepPoints() > 10, "replay charts the steps again");

        robot.interact(() -> workbench.compare(List.of(finished)));
        Path chosen = Files.createDirectories(folder.resolve("chosen-" + System.nanoTime()));
        Path report = WaitForAsyncUtils.asyncFx(() -> {
            try {
                return workbench.exportReport(chosen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get();
        assertEquals(chosen, report.getParent(), "a folder of its own inside the chosen one");
        assertTrue(report.getFileName().toString().startsWith("scalelab-report-"), report.toString());
        assertEquals(2, Files.readAllLines(report.resolve("tables/runs.csv")).size(), "header and the compared run only");
        ExportAssertions.assertChartPng(report.resolve("charts/loss.png"));
        ExportAssertions.assertSvg(report.resolve("charts/speedup.svg"));
        assertTrue(Files.readString(report.resolve("tables/scaling.md")).contains("| Configuration |"));
        assertTrue(Files.readString(report.resolve("tables/runs.tex")).contains("\\begin{tabular}"));
        assertTrue(Files.readString(report.resolve("report.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF"), "one PDF holding the tables and charts");
        assertTrue(Files.size(report.resolve("report.pdf")) > 10_000);
        try (var records = Files.list(report.resolve("runs"))) {
            assertEquals(2, records.count(), "the run's summary and event log");
        }
    }

    /** A crash leaves the log cut in the middle of a line; here the summary is torn as well, the worst case. */
    @Test
    void aRunCutShortByACrashIsListedAndReplaysUpToItsLastCompleteEvent(FxRobot robot) throws Exception {
        runOneEpochIntoTheLibrary(robot);
        String runId = workbench.library().rows().get(0).record().runId();
        List<String> lines = Files.readAllLines(runs.eventLogOf(runId));
        int stepsKept = 40;
        // The log interleaves each step with the workers' timelines: keep every line up to the 40th step's.
        int linesKept = 0;
        for (int steps = 0; steps < stepsKept; linesKept++) {
            steps += lines.get(linesKept).contains("\"type\":\"stepCompleted\"") ? 1 : 0;
        }
        String cutLine = lines.get(linesKept);
        Files.writeString(runs.eventLogOf(runId), String.join("\n", lines.subList(0, linesKept)) + "\n"
                + cutLine.substring(0, cutLine.length() / 2));
        String summary = Files.readString(runs.pathOf(runId));
        Files.writeString(runs.pathOf(runId), summary.substring(0, summary.length() / 2));

        robot.interact(() -> workbench.library().refresh());
        assertEquals("", workbench.library().problemsProperty().get());
        LibraryRow cut = workbench.library().rows().get(0);
        assertEquals("interrupted", cut.status(), "it never ended, and no process writes it any more");
        assertEquals(linesKept, cut.record().events().size());
        robot.interact(() -> workbench.replay(cut, ReplaySpeed.FULL));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !workbench.live().charts().traces().isEmpty()
                && workbench.live().charts().traces().get(0).stepPoints() == stepsKept);
        assertEquals(0, workbench.live().charts().traces().get(0).epochPoints());
    }

    @Test
    void anInvalidFieldBlocksRunWithItsMessage(FxRobot robot) {
        robot.interact(() -> robot.lookup("#batch").queryAs(TextField.class).setText("0"));
        assertTrue(robot.lookup("#run").queryAs(Button.class).isDisabled());
        String reason = robot.lookup("#blocked-reason").queryAs(Label.class).getText();
        assertEquals("Batch size: Batch size 0: expected an integer ≥ 1", reason);
    }

    @Test
    void aFailingRunShowsItsErrorAndNamesNoEarlierRun(FxRobot robot) throws Exception {
        TrainingConfig earlier = TrainingConfig.defaults().with(TrainingOptions.BATCH, 32);
        runs.save(SyntheticRun.record("earlier", earlier, Instant.now(), 0.01));
        robot.interact(() -> workbench.library().refresh());
        robot.interact(() -> workbench.replay(workbench.library().rows().get(0), ReplaySpeed.FULL));
        waitForState(LiveState.FINISHED);
        String earlierTitle = workbench.live().titleProperty().get();

        // Valid in every field, but found out only once the dataset is loaded: more images a step than it has.
        robot.interact(() -> robot.lookup("#batch").queryAs(TextField.class).setText("100000"));
        clickRun(robot);
        waitForState(LiveState.FAILED);
        String message = robot.lookup("#run-message").queryAs(Label.class).getText();
        assertTrue(message.contains("is larger than the training set"), message);
        assertFalse(earlierTitle.equals(robot.lookup(".live-title").queryAs(Label.class).getText()), "header");
        assertFalse(earlierTitle.equals(workbench.live().titleProperty().get()), "status bar");
    }

    @Test
    void aDatasetTheArchitectureDoesNotFitBlocksRunAsSoonAsItIsChosen(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<DatasetSummary> datasets = robot.lookup("#dataset").queryAs(ComboBox.class);
        robot.interact(() -> datasets.getSelectionModel().select(datasets.getItems().stream()
                .filter(d -> d.info().name().equals("synthetic-cifar")).findFirst().orElseThrow()));
        assertTrue(robot.lookup("#run").queryAs(Button.class).isDisabled());
        String reason = robot.lookup("#blocked-reason").queryAs(Label.class).getText();
        assertEquals("Architecture: Architecture mlp-235k: expects 1×28×28 images but synthetic-cifar has 3×32×32", reason);
    }

    @Test
    void stopCancelsARunningRunAndTheLibraryShowsItCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#epochs").queryAs(TextField.class).setText("50"));
        clickRun(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.live().stateProperty().get() == LiveState.RUNNING
                && !workbench.live().charts().traces().isEmpty()
                && workbench.live().charts().traces().get(0).stepPoints() > 3);
        Button stop = robot.lookup("#stop").queryAs(Button.class);
        assertFalse(stop.isDisabled());
        robot.interact(stop::fire);
        waitForState(LiveState.CANCELLED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.library().rows().isEmpty());
        assertEquals("cancelled", workbench.library().rows().get(0).status());
        assertTrue(robot.lookup("#stop").queryAs(Button.class).isDisabled());
    }

    @Test
    void aTwoThreadRunCompletesAndItsPhaseChartShowsTwoWorkers(FxRobot robot) throws Exception {
        setUpTwoThreadsForOneEpoch(robot);
        assertFalse(robot.lookup("#threads").queryAs(TextField.class).isDisabled());
        assertTrue(robot.lookup("#procs").queryAs(TextField.class).isDisabled(), "threads runs in one process");
        clickRun(robot);
        waitForState(LiveState.FINISHED);
        CategoryDataset perWorker = workbench.live().charts().chart(ChartKind.PHASES_PER_WORKER).getCategoryPlot().getDataset();
        assertEquals(List.of("w0", "w1"), perWorker.getColumnKeys());
    }

    @Test
    void replayPlaysAtEachSpeedAndPauses(FxRobot robot) throws Exception {
        // Eight epochs, a second or two in real time: one epoch of mlp-235k (0.1 s) could replay to its end before
        // Pause was pressed, and the replay then finished rather than paused (CI, 2026-12-07).
        runEpochsIntoTheLibrary(robot, REPLAYED_EPOCHS);
        LibraryRow run = workbench.library().rows().get(0);

        robot.interact(() -> workbench.replay(run, ReplaySpeed.REAL_TIME));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !workbench.live().charts().traces().isEmpty()
                && workbench.live().charts().traces().get(0).stepPoints() > 0);
        Button pause = robot.lookup("#pause").queryAs(Button.class);
        assertTrue(pause.isVisible(), "pause shows while replaying");
        robot.interact(pause::fire);
        assertEquals("Resume", pause.getText());
        Thread.sleep(300); // let events already sent reach the charts
        WaitForAsyncUtils.waitForFxEvents();
        int paused = workbench.live().charts().traces().get(0).stepPoints();
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, workbench.live().charts().traces().get(0).stepPoints(), "no steps while paused");
        assertEquals(LiveState.PAUSED, workbench.live().stateProperty().get());
        assertEquals("Paused", robot.lookup("#run-state").queryAs(Label.class).getText());
        robot.interact(pause::fire);
        // Resumed: replaying, or already finished when what was left of a short run played at once.
        assertTrue(Set.of(LiveState.REPLAYING, LiveState.FINISHED).contains(workbench.live().stateProperty().get()),
                "resumed: " + workbench.live().stateProperty().get());

        robot.interact(() -> workbench.replay(run, ReplaySpeed.TEN_TIMES));
        waitForState(LiveState.FINISHED);
        robot.interact(() -> workbench.replay(run, ReplaySpeed.FULL));
        waitForState(LiveState.FINISHED);
        assertEquals(REPLAYED_EPOCHS, workbench.live().charts().traces().get(0).epochPoints());
    }

    @Test
    void setupRowsTheStrategyHidesTakeNoSpace(FxRobot robot) {
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(() -> strategy.setValue(Strategy.MPJ));
        WaitForAsyncUtils.waitForFxEvents();
        // mpj hides the averaging rows between Scaling and Allreduce: one row gap apart, as if they were not there.
        double scalingBottom = robot.lookup("#scaling").query().getBoundsInParent().getMaxY();
        double allreduceTop = robot.lookup("#allreduce").query().getBoundsInParent().getMinY();
        assertEquals(6, allreduceTop - scalingBottom, 1.0);
    }

    @Test
    void mpjStrategiesAreDisabledWithTheRemedyWhenMpjIsMissing(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(strategy::show);
        // the open popup's cells: the What-if tab has a strategy list too, for predictions, where every strategy counts
        List<ListCell<?>> cells = robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .<ListCell<?>>map(cell -> cell).filter(cell -> cell.getItem() instanceof Strategy).toList();
        robot.interact(strategy::hide);
        for (ListCell<?> cell : cells) {
            Strategy item = (Strategy) cell.getItem();
            boolean needsMpj = item.needsMpj(1);
            assertEquals(needsMpj, cell.getPseudoClassStates().contains(ExperimentView.UNAVAILABLE), item.toString());
            if (needsMpj) {
                assertTrue(cell.getTooltip().getText().contains("apt-get install libmpj-java"), item.toString());
            }
        }
        assertTrue(cells.stream().anyMatch(cell -> cell.getItem() == Strategy.MPJ), "the list shows mpj");
    }

    @Test
    void withoutASerialRunAQuickCalibrationServesAsBaselineAndIsLabelledSo(FxRobot robot) throws Exception {
        setUpTwoThreadsForOneEpoch(robot);
        Button calibrate = robot.lookup("#run-calibration").queryAs(Button.class);
        // Offered once the workbench knows this machine (describing it loads ND4J, in the background).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, calibrate::isVisible);
        robot.interact(calibrate::fire);
        waitForState(LiveState.FINISHED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.library().rows().isEmpty());
        LibraryRow calibration = workbench.library().rows().get(0);
        assertEquals(Workbench.CALIBRATION, calibration.name());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#library .table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(cell -> Workbench.CALIBRATION.equals(cell.getText())), "the library shows it without Refresh");
        assertEquals(Calibration.WARM_UP_STEPS + Calibration.CALIBRATION_STEPS, calibration.record().config().schedule().stepLimit());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(calibrate.isVisible(), "the calibration is the baseline now");

        clickRun(robot);
        waitForState(LiveState.FINISHED);
        XYDataset speedup = workbench.live().charts().chart(ChartKind.SPEEDUP).getXYPlot().getDataset();
        assertEquals("measured vs calibration", speedup.getSeriesKey(1));
        assertEquals(2.0, speedup.getXValue(1, 0), "ideal and efficiency count P × T workers");
    }

    /** Fires the button as a click would; the setup panel may have scrolled it out of the small test screen. */
    /** Runs the default experiment for one epoch and waits until the library lists it. */
    private void runOneEpochIntoTheLibrary(FxRobot robot) throws Exception {
        runEpochsIntoTheLibrary(robot, 1);
    }

    private void runEpochsIntoTheLibrary(FxRobot robot, int epochs) throws Exception {
        robot.interact(() -> robot.lookup("#epochs").queryAs(TextField.class).setText(Integer.toString(epochs)));
        clickRun(robot);
        waitForState(LiveState.FINISHED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.library().rows().isEmpty());
    }

    private static void setUpTwoThreadsForOneEpoch(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(() -> {
            strategy.setValue(Strategy.THREADS);
            robot.lookup("#threads").queryAs(TextField.class).setText("2");
            robot.lookup("#epochs").queryAs(TextField.class).setText("1");
        });
    }

    /** Fires Run once it is enabled: it waits for ND4J's native libraries, loaded in the background at start. */
    private static void clickRun(FxRobot robot) throws Exception {
        Button run = robot.lookup("#run").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !run.isDisabled());
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
