package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.FaultInjection;
import org.scalelab.engine.config.Recovery;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The setup panel's advanced section on checkpoints and faults: what is set there reaches the configuration. */
@ExtendWith(ApplicationExtension.class)
class CheckpointsAndFaultsFxTest {
    @TempDir
    static Path folder;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        // As on a machine with MPJ Express: restarts and faults are for ranks that are processes.
        workbench = WorkbenchWindow.show(stage, folder, (strategy, processes) -> Optional.empty()).workbench();
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
}
