package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.live.SyntheticRun;
import org.scalelab.app.replay.ReplaySpeed;
import org.scalelab.engine.config.FaultInjection;
import org.scalelab.engine.config.Recovery;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.report.ChartKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The setup panel's advanced section on checkpoints and faults: what is set there reaches the configuration; and
 * the charts of a run that restarted after a failure show both where they happened.
 */
@ExtendWith(ApplicationExtension.class)
class CheckpointsAndFaultsFxTest {
    @TempDir
    static Path folder;

    private Workbench workbench;
    private RunStore runs;

    @Start
    void start(Stage stage) {
        // As on a machine with MPJ Express: restarts and faults are for ranks that are processes.
        WorkbenchWindow window = WorkbenchWindow.show(stage, folder, (strategy, processes) -> Optional.empty());
        workbench = window.workbench();
        runs = window.runs();
    }

    private static void type(FxRobot robot, TrainingOption<?> option, String text) {
        // Set as typing leaves it: the panel may be scrolled out of the small headless window.
        TextField field = robot.lookup("#" + option.key()).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    @Test
    void theSectionExplainsEachOptionAndWhatIsTypedReachesTheConfiguration(FxRobot robot) {
        TitledPane section = robot.lookup("#checkpoints-and-faults").queryAs(TitledPane.class);
        assertEquals("Advanced: checkpoints and faults", section.getText());
        assertFalse(section.isExpanded(), "advanced: folded until asked for");
        robot.interact(() -> section.setExpanded(true));
        for (TrainingOption<?> option : new TrainingOption<?>[] {TrainingOptions.CHECKPOINT_EVERY,
                TrainingOptions.RESTART_ON_FAILURE, TrainingOptions.MIN_PROCS, TrainingOptions.INJECT_FAULT}) {
            assertEquals(option.help(), robot.lookup("#" + option.key() + "-help").queryAs(Label.class).getText());
        }
        robot.interact(() -> workbench.experiment().strategyProperty().set(Strategy.MPJ));
        type(robot, TrainingOptions.PROCS, "2");

        type(robot, TrainingOptions.CHECKPOINT_EVERY, "1");
        type(robot, TrainingOptions.RESTART_ON_FAILURE, "2");
        type(robot, TrainingOptions.MIN_PROCS, "1");
        type(robot, TrainingOptions.INJECT_FAULT, "rank=1,step=20,kind=slow:3");

        assertEquals(new Recovery(1, 2, 1, FaultInjection.parse("rank=1,step=20,kind=slow:3")),
                workbench.experiment().config().orElseThrow(() -> new AssertionError(
                        workbench.experiment().blockedReasonProperty().get())).recovery());
    }

    @Test
    void aFaultThatCannotBeReadBlocksRunNamingWhatIsWrong(FxRobot robot) {
        robot.interact(() -> robot.lookup("#checkpoints-and-faults").queryAs(TitledPane.class).setExpanded(true));
        robot.interact(() -> workbench.experiment().strategyProperty().set(Strategy.MPJ));
        type(robot, TrainingOptions.PROCS, "2");

        type(robot, TrainingOptions.INJECT_FAULT, "rank=1,kind=kill");

        assertTrue(workbench.experiment().config().isEmpty());
        assertEquals("Inject fault 'rank=1,kind=kill': expected rank=R,step=S,kind=kill|hang|slow:FACTOR (step is missing)",
                workbench.experiment().problems().get(TrainingOptions.INJECT_FAULT));
    }

    /**
     * A run whose rank 1 was killed half way through epoch 2 and that restarted from the checkpoint of epoch 1: the
     * charts of time mark both, live (the events as they come, the message line naming them too) and in a replay,
     * where the marks stay after the run ends and its message line is cleared.
     */
    @Test
    void theChartsMarkWhereARankFailedAndWhereTheRunRestartedLiveAndInAReplay(FxRobot robot) throws Exception {
        TrainingConfig config = TrainingConfig.defaults().with(TrainingOptions.STRATEGY, Strategy.MPJ)
                .with(TrainingOptions.PROCS, 2).with(TrainingOptions.CHECKPOINT_EVERY, 1)
                .with(TrainingOptions.RESTART_ON_FAILURE, 1);
        RunRecord restarted = SyntheticRun.restarted("restarted", config, Instant.now());
        List<RunEvent> untilRestart = restarted.events().subList(0,
                1 + restarted.events().indexOf(restarted.events().stream().filter(RunResumed.class::isInstance)
                        .findFirst().orElseThrow()));

        robot.interact(() -> {
            workbench.live().begin(LiveState.PREPARING);
            untilRestart.forEach(workbench.live().listener()::onEvent);
            workbench.live().flush();
        });
        assertEquals(LiveState.RUNNING, workbench.live().stateProperty().get());
        assertMarked(robot);
        String message = robot.lookup("#run-message").queryAs(Label.class).getText();
        assertEquals("ranks failed in epoch 2: " + SyntheticRun.KILLED_RANK
                + "; restart 1: 2 ranks from the checkpoint of epoch 1, on to epoch 2", message);

        runs.save(restarted);
        robot.interact(() -> workbench.library().refresh());
        robot.interact(() -> workbench.replay(workbench.library().rows().get(0), ReplaySpeed.FULL));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.live().stateProperty().get() == LiveState.FINISHED);
        assertMarked(robot);
        assertEquals("", robot.lookup("#run-message").queryAs(Label.class).getText());
    }

    /** The live view's loss, accuracy and throughput charts on screen: the failure after its fifth step of epoch 2, the restart at 1. */
    private static void assertMarked(FxRobot robot) {
        for (ChartKind kind : List.of(ChartKind.LOSS, ChartKind.ACCURACY, ChartKind.THROUGHPUT)) {
            ChartViewer viewer = robot.lookup("#live-view #chart-" + kind.fileName()).queryAs(ChartViewer.class);
            Collection<?> markers = viewer.getChart().getXYPlot().getDomainMarkers(1, Layer.FOREGROUND);
            assertEquals(List.of("rank 1 failed @ 1.5", "restart 1 from epoch 1 @ 1.0"), markers.stream()
                    .map(ValueMarker.class::cast).map(marker -> marker.getLabel() + " @ " + marker.getValue()).toList(),
                    kind.title());
        }
    }
}
