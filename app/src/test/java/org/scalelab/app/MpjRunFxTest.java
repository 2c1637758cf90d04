package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.events.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A run of real MPJ Express ranks from the workbench, as a student starts one: the status bar while they start. */
@ExtendWith(ApplicationExtension.class)
class MpjRunFxTest {
    @TempDir
    static Path folder;

    private Workbench workbench;
    /** Each state the status bar showed, with the elapsed time it showed as the state began. */
    private final List<String> shown = new ArrayList<>();

    @Start
    void start(Stage stage) {
        workbench = WorkbenchWindow.show(stage, folder, StrategyAvailability.ENGINE).workbench();
        Label state = (Label) stage.getScene().lookup("#run-state");
        state.textProperty().addListener((property, before, now) ->
                shown.add(now + " @ " + workbench.live().elapsedProperty().get()));
    }

    @Test
    void twoRanksAreSaidToBeStartingWhileTheClockRunsThenTrainToTheEnd(FxRobot robot) throws Exception {
        Optional<String> missing = StrategyAvailability.ENGINE.whyUnavailable(Strategy.MPJ, 2);
        assumeTrue(missing.isEmpty(), () -> "MPJ Express is needed: " + missing.orElse(""));
        @SuppressWarnings("unchecked")
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(() -> {
            strategy.setValue(Strategy.MPJ);
            robot.lookup("#procs").queryAs(TextField.class).setText("2");
            robot.lookup("#epochs").queryAs(TextField.class).setText("1");
        });
        Button run = robot.lookup("#run").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !run.isDisabled());
        robot.interact(run::fire);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            LiveState now = workbench.live().stateProperty().get();
            return now != LiveState.IDLE && !now.isActive();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LiveState.FINISHED, workbench.live().stateProperty().get(), workbench.live().messageProperty().get());

        List<String> states = shown.stream().map(entry -> entry.substring(0, entry.indexOf(" @ "))).toList();
        assertEquals(List.of(LiveState.PREPARING.label(), LiveState.STARTING_RANKS.label(),
                LiveState.RUNNING.label(), LiveState.FINISHED.label()), states, shown.toString());
        String runningSince = shown.get(2);
        assertNotEquals("Elapsed 0:00", runningSince.substring(runningSince.indexOf(" @ ") + 3),
                "starting two JVMs takes seconds, and the clock counted them: " + shown);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.library().rows().isEmpty());
        var record = workbench.library().rows().get(0).record();
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(2, record.config().parallelism().processes());
    }
}
