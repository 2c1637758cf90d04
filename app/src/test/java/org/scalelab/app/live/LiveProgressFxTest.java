package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.scalelab.engine.config.TrainingOptions.EPOCHS;
import static org.scalelab.engine.config.TrainingOptions.PROCS;
import static org.scalelab.engine.config.TrainingOptions.STRATEGY;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar while a run gets going: the clock runs from Run, MPJ ranks starting are said to be, and nothing
 * of the run or replay before shows.
 */
@ExtendWith(ApplicationExtension.class)
class LiveProgressFxTest {
    private static final TrainingConfig MPJ = TrainingConfig.defaults().with(STRATEGY, Strategy.MPJ).with(PROCS, 2)
            .with(EPOCHS, 1);

    private final LiveRunViewModel model = new LiveRunViewModel(started -> List.of());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StatusBar(model), 1200, 40));
        stage.show();
    }

    @Test
    void elapsedTicksFromRunAndTheStatusSaysRanksAreStartingUntilTheirFirstStep(FxRobot robot) throws Exception {
        robot.interact(() -> model.begin(LiveState.PREPARING));
        assertEquals("Elapsed 0:00", model.elapsedProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.elapsedProperty().get().equals("Elapsed 0:01"));

        model.listener().onEvent(new RunStarted("mpj", Instant.now().toString(), MPJ, null, 0, null, 6400, 1000, null,
                null, false));
        robot.interact(model::flush);
        assertEquals(LiveState.STARTING_RANKS, model.stateProperty().get());
        assertEquals("Starting ranks…", robot.lookup("#run-state").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.elapsedProperty().get().equals("Elapsed 0:02"));

        model.listener().onEvent(new StepCompleted(1, 1, 1, 2.3, 0.1, 64, 0.5));
        robot.interact(model::flush);
        assertEquals("Running", robot.lookup("#run-state").queryAs(Label.class).getText());
        assertNotEquals("Elapsed 0:00", model.elapsedProperty().get(), "the time since Run, not the ranks' 0.5 s");
    }

    /**
     * A replay at full speed leaves thousands of events queued, and a run stopped for another reports until its
     * step ends: none of that may reach the run begun next (the older run's end had ended the new one on screen).
     */
    @Test
    void aRunBegunAfterAnotherShowsNothingOfTheOlderOne(FxRobot robot) {
        TrainingConfig serial = TrainingConfig.defaults().with(EPOCHS, 2);
        List<RunEvent> older = SyntheticRun.events(serial, 2, 1000, 1);
        List<RunEvent> newer = SyntheticRun.events(MPJ, 1, 10, 2);
        robot.interact(() -> {
            model.begin(LiveState.REPLAYING);
            RunListener olderReplay = model.listener();
            older.forEach(olderReplay::onEvent);
            model.begin(LiveState.PREPARING);
            RunListener newerRun = model.listener();
            newerRun.onEvent(newer.get(0));
            newerRun.onEvent(newer.get(1));
            olderReplay.onEvent(older.get(older.size() - 1)); // sent by the older one after the newer one began
            model.flush();
        });
        assertEquals(LiveState.RUNNING, model.stateProperty().get());
        assertEquals(1, model.charts().traces().get(0).stepPoints(), "the newer run's first step alone");
        assertEquals("Step 1 / 10", model.stepProperty().get());
    }
}
