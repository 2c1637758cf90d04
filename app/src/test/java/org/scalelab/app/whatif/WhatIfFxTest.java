package org.scalelab.app.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.MODEL;
import static org.scalelab.engine.config.TrainingOptions.PROCS;
import static org.scalelab.engine.config.TrainingOptions.STRATEGY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.Calibrations;
import org.scalelab.app.Workbench;
import org.scalelab.app.WorkbenchWindow;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.live.SyntheticRun;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.NetworkPreset;
import org.scalelab.engine.predict.Prediction;
import org.scalelab.engine.predict.RunScenarios;
import org.scalelab.engine.predict.ScalingModel;
import org.scalelab.engine.predict.Scenario;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.report.ChartBook;
import org.scalelab.engine.runs.report.ChartKind;
import org.scalelab.engine.runs.speedup.Baselines;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The What-if tab as a person uses it, headless, with a calibration made of known numbers saved where the workbench
 * looks (never a real calibration: minutes): its charts hold the engine's predictions and follow every setting; the
 * live and compare speedup charts draw the run's strategy as predicted; without a usable calibration it says why.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfFxTest {
    @TempDir
    static Path folder;

    private static final StrategyAvailability ANYTHING = (strategy, processes) -> Optional.empty();

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchWindow.show(stage, folder, ANYTHING).workbench();
    }

    @Test
    void withoutACalibrationItSaysSoInOneLineAndOffersToCalibrate(FxRobot robot) throws Exception {
        useCalibration(null, false);
        showTab(robot);
        String line = robot.lookup("#whatif-calibration").queryAs(Label.class).getText();
        assertEquals("no calibration at " + folder.resolve("calibration.json") + ": run scalelab predict calibrate first", line);
        Button calibrate = robot.lookup("#whatif-calibrate").queryAs(Button.class);
        assertTrue(calibrate.isVisible());
        assertEquals("Calibrate this machine", calibrate.getText());
        assertEquals(0, speedupData(robot).getItemCount(1) + speedupData(robot).getItemCount(2), "nothing predicted");
        assertEquals("", robot.lookup("#whatif-summary").queryAs(Label.class).getText());
    }

    @Test
    void calibratingShowsItsProgressAndCancelStopsItWithNothingSaved(FxRobot robot) throws Exception {
        useCalibration(null, false);
        showTab(robot);
        // cancelled at once, it stops after summing floats, before the first child JVM would measure a layer
        robot.interact(() -> {
            robot.lookup("#whatif-calibrate").queryAs(Button.class).fire();
            assertTrue(robot.lookup("#whatif-calibrating").query().isVisible(), "progress and Cancel while it runs");
            assertTrue(robot.lookup("#whatif-calibrate").queryAs(Button.class).isDisabled(), "one calibration at a time");
            robot.lookup("#whatif-cancel").queryAs(Button.class).fire();
            assertEquals(WhatIfViewModel.CANCELLING, workbench.whatIf().calibrationStepProperty().get(),
                    "Cancel is heard at once, though the measurement under way ends first");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !workbench.whatIf().calibratingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Calibration cancelled; this machine has no calibration yet",
                robot.lookup("#whatif-calibration").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#whatif-calibrating").query().isVisible());
        assertFalse(Files.exists(folder.resolve("calibration.json")));
    }

    @Test
    void anotherMachinesCalibrationIsRefusedByName(FxRobot robot) throws Exception {
        MachineDescription here = MachineDescription.current();
        useCalibration(Calibrations.of(new MachineDescription("Another CPU", here.logicalCores() + 6, 8, "Linux", "Java", 0)),
                false);
        showTab(robot);
        String line = robot.lookup("#whatif-calibration").queryAs(Label.class).getText();
        assertTrue(line.contains("was measured on another machine (Another CPU, " + (here.logicalCores() + 6)
                + " logical cores"), line);
        assertEquals("Calibrate this machine", robot.lookup("#whatif-calibrate").queryAs(Button.class).getText());
    }

    @Test
    void theChartsHoldTheModelsPredictionsAndFollowProcessesHostsAndNetwork(FxRobot robot) throws Exception {
        MachineCalibration calibration = useCalibration(Calibrations.of(MachineDescription.current()), true);
        showTab(robot);
        int cores = calibration.machine().logicalCores();
        ScalingModel model = new ScalingModel(calibration);
        String used = robot.lookup("#whatif-calibration").queryAs(Label.class).getText();
        assertTrue(used.contains(calibration.machine().cpu()) && used.endsWith("measured 2026-12-04 16:40 UTC"), used);
        robot.interact(() -> {
            robot.lookup("#whatif-model").queryAs(ComboBox.class).getSelectionModel().select("mlp-235k");
            robot.lookup("#whatif-strategy").queryAs(ComboBox.class).getSelectionModel().select(Strategy.MPJ);
        });
        setSpinner(robot, "#whatif-procs", 2);

        // P = 2 on one host: the curve grows by hosts of two ranks each, as a host file of two slots would place them
        XYDataset speedup = speedupData(robot);
        for (int procs : List.of(1, 2, 4, 8, 16)) {
            Prediction expected = model.predict(mpj(procs, (procs + 1) / 2, cores, null));
            assertEquals(expected.speedup(), charted(speedup, procs), 1e-12, "speedup at " + procs);
        }
        Prediction two = model.predict(mpj(2, 1, cores, null));
        assertBreakdown(robot, two);
        String summary = robot.lookup("#whatif-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith(String.format(Locale.ROOT, "%,.0f images/s · speedup %.2f×",
                two.imagesPerSecond(), two.speedup())), summary);
        assertTrue(robot.lookup("#whatif-crossover").queryAs(Label.class).getText().startsWith("Communication "));

        setSpinner(robot, "#whatif-procs", 4);
        Prediction four = model.predict(mpj(4, 1, cores, null));
        assertNotEquals(two.computeSeconds(), four.computeSeconds());
        assertBreakdown(robot, four);

        setSpinner(robot, "#whatif-hosts", 2);
        assertEquals("4 ranks on 2 hosts: 2 to a host of " + cores + " cores",
                robot.lookup("#whatif-placement").queryAs(Label.class).getText());
        Prediction overLoopback = model.predict(mpj(4, 2, cores, null));
        assertBreakdown(robot, overLoopback);
        robot.interact(() -> robot.lookup("#whatif-network").queryAs(ComboBox.class).getSelectionModel().select("1gbe"));
        LinkCost gigabit = NetworkPreset.ETH_1G.link(calibration.secondsPerReducedFloat());
        Prediction overGigabit = model.predict(mpj(4, 2, cores, gigabit));
        assertTrue(overGigabit.communicationSeconds() > overLoopback.communicationSeconds(),
                "1 GbE adds to the calibrated transport");
        assertBreakdown(robot, overGigabit);
        assertEquals(overGigabit.speedup(), charted(speedupData(robot), 4), 1e-12);
        robot.interact(() -> {
            workbench.whatIf().latencyMicrosProperty().set(5);
            workbench.whatIf().bandwidthGbpsProperty().set(40);
            robot.lookup("#whatif-network").queryAs(ComboBox.class).getSelectionModel().select(WhatIfViewModel.CUSTOM);
        });
        assertTrue(robot.lookup("#whatif-latency").query().isVisible(), "latency and bandwidth to type in");
        assertBreakdown(robot, model.predict(mpj(4, 2, cores, LinkCost.of(5, 40, calibration.secondsPerReducedFloat()))));

        setSpinner(robot, "#whatif-threads", 3);
        assertEquals("", robot.lookup("#whatif-problem").queryAs(Label.class).getText(), "mpj takes native threads");
        robot.interact(() -> robot.lookup("#whatif-strategy").queryAs(ComboBox.class).getSelectionModel()
                .select(Strategy.SERIAL));
        assertEquals("procs 4: expected 1 with strategy serial",
                robot.lookup("#whatif-problem").queryAs(Label.class).getText());
    }

    /**
     * A calibration coming into use sets the cores per host and the model as well: one prediction for all of it,
     * from the new calibration, where each setting it changed had predicted again, the first from the one before.
     */
    @Test
    void aCalibrationComingIntoUseIsPredictedFromOnce(FxRobot robot) throws Exception {
        MachineCalibration calibration = useCalibration(Calibrations.of(MachineDescription.current()), true);
        WhatIfViewModel whatIf = workbench.whatIf();
        robot.interact(() -> whatIf.coresPerHostProperty().set(64));
        AtomicInteger predictions = new AtomicInteger();
        robot.interact(() -> whatIf.curveProperty().addListener(curve -> {
            predictions.incrementAndGet();
            whatIf.curveProperty().get(); // valid again, so that the next prediction tells too
        }));

        useCalibration(calibration, true);

        assertEquals(1, predictions.get(), "predictions made as the calibration came into use");
        int cores = calibration.machine().logicalCores();
        assertEquals(cores, whatIf.coresPerHostProperty().get());
        assertTrue(whatIf.placementProperty().get().endsWith("a host of " + cores + " cores"),
                whatIf.placementProperty().get());
        robot.interact(() -> whatIf.procsProperty().set(whatIf.procsProperty().get() + 1));
        assertEquals(2, predictions.get(), "one more for one setting changed");
    }

    @Test
    void aNumberTypedAndEnteredIsTakenWithoutStartingARun(FxRobot robot) throws Exception {
        useCalibration(Calibrations.of(MachineDescription.current()), true);
        showTab(robot);
        robot.doubleClickOn("#whatif-procs .text-field").eraseText(4).write("6").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, workbench.whatIf().procsProperty().get());
        assertEquals(6, workbench.whatIf().chosenProperty().get().procs(), "predicted at once");
        assertEquals(LiveState.IDLE, workbench.live().stateProperty().get(), "Enter is not the Run button's here");
    }

    @Test
    void theLiveAndCompareSpeedupChartsDrawTheRunsStrategyAsPredicted(FxRobot robot) throws Exception {
        TrainingConfig config = TrainingConfig.defaults().with(MODEL, "mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2);
        RunRecord run = SyntheticRun.record("mpj", config, Instant.now(), 0.01);
        RunStarted started = (RunStarted) run.events().get(0);
        useCalibration(null, false);
        robot.interact(() -> {
            workbench.live().begin(LiveState.REPLAYING);
            run.events().forEach(workbench.live().listener()::onEvent);
            workbench.live().flush();
            workbench.comparison().compare(List.of(run), new Baselines(List.of(run)));
        });
        assertEquals(0, predicted(workbench.live().charts()).getSeriesCount(), "no calibration, no predicted curve");
        assertEquals(0, predicted(workbench.comparison().charts()).getSeriesCount());

        MachineCalibration calibration = useCalibration(Calibrations.of(MachineDescription.current()), true);
        int cores = calibration.machine().logicalCores();
        Prediction expected = new ScalingModel(calibration).predict(RunScenarios.of(config, started.trainImages(), 1, cores, null));
        XYDataset live = predicted(workbench.live().charts());
        assertEquals(1, live.getSeriesCount());
        assertEquals("mpj (predicted, calibrated 2026-12-04 16:40 UTC)", live.getSeriesKey(0));
        assertEquals(expected.speedup(), charted(live, 2), 1e-12);
        XYDataset compared = predicted(workbench.comparison().charts());
        assertEquals(1, compared.getSeriesCount());
        assertEquals("A: mpj (predicted, calibrated 2026-12-04 16:40 UTC)", compared.getSeriesKey(0));
        assertEquals(expected.speedup(), charted(compared, 2), 1e-12);
    }

    /**
     * Saves {@code calibration} where the workbench looks (none: removes it), has it read again, and waits until it
     * is used, or refused when not {@code usable}.
     */
    private MachineCalibration useCalibration(MachineCalibration calibration, boolean usable)
            throws Exception {
        WhatIfViewModel whatIf = workbench.whatIf();
        // the window's own first reading must not land after ours
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !whatIf.calibrationTextProperty().get().startsWith("Looking"));
        Path file = folder.resolve("calibration.json");
        Files.deleteIfExists(file);
        if (calibration != null) {
            calibration.save(file);
        }
        WaitForAsyncUtils.asyncFx(whatIf::reload).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !whatIf.calibrationTextProperty().get().startsWith("Looking")
                && (whatIf.calibrationProperty().get() != null) == usable);
        WaitForAsyncUtils.waitForFxEvents();
        return calibration;
    }

    private static void showTab(FxRobot robot) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "whatif-tab".equals(tab.getId()))
                    .findFirst().orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private static void setSpinner(FxRobot robot, String id, int value) {
        robot.interact(() -> robot.lookup(id).queryAs(Spinner.class).getValueFactory().setValue(value));
    }

    private static Scenario mpj(int procs, int hosts, int cores, LinkCost network) {
        return new Scenario("mlp-235k", Strategy.MPJ, procs, 1, TrainingOptions.ALLREDUCE.defaultValue(), hosts, cores,
                network, TrainingOptions.BATCH.defaultValue(), Scaling.STRONG, RunScenarios.DEFAULT_EPOCH_IMAGES,
                TrainingOptions.AVERAGE_EVERY.defaultValue(), false);
    }

    private static XYDataset speedupData(FxRobot robot) {
        return robot.lookup("#whatif-speedup").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset();
    }

    private static XYDataset predicted(ChartBook charts) {
        return charts.chart(ChartKind.SPEEDUP).getXYPlot().getDataset(1);
    }

    /** The charted speedup at {@code workers}, from whichever predicted series holds it (not the ideal line). */
    private static double charted(XYDataset data, int workers) {
        for (int series = 0; series < data.getSeriesCount(); series++) {
            if (data.getSeriesKey(series).equals("ideal")) {
                continue;
            }
            for (int item = 0; item < data.getItemCount(series); item++) {
                if (data.getXValue(series, item) == workers) {
                    return data.getYValue(series, item);
                }
            }
        }
        throw new AssertionError("nothing charted at " + workers + " workers");
    }

    private static void assertBreakdown(FxRobot robot, Prediction expected) {
        CategoryDataset steps = robot.lookup("#whatif-breakdown").queryAs(ChartViewer.class).getChart().getCategoryPlot()
                .getDataset();
        String column = expected.procs() + " × " + expected.threads();
        assertEquals(expected.computeSeconds() * 1e3, steps.getValue("compute", column).doubleValue(), 1e-9);
        assertEquals(expected.communicationSeconds() * 1e3, steps.getValue("communication", column).doubleValue(), 1e-9);
        assertEquals(expected.waitSeconds() * 1e3, steps.getValue("waiting", column).doubleValue(), 1e-9);
        assertEquals(expected.restSeconds() * 1e3, steps.getValue("rest", column).doubleValue(), 1e-9);
    }
}
