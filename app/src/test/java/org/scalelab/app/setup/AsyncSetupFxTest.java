package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The setup panel says in a line what the chosen strategy does; async adds its staleness bound, explained in a line
 * under it, which reaches the configuration, and one process is refused with the reason.
 */
@ExtendWith(ApplicationExtension.class)
class AsyncSetupFxTest {
    @TempDir
    static Path cache;

    private ExperimentViewModel model;

    @Start
    void start(Stage stage) {
        model = ExperimentViewModelTest.mlp235kOnMnistMini(cache, 2, ExperimentViewModelTest.WITH_MPJ);
        stage.setScene(new Scene(new ExperimentView(model), 600, 900));
        stage.show();
    }

    @Test
    void asyncShowsWhatItDoesAndItsStalenessBoundReachesTheConfiguration(FxRobot robot) {
        Label strategyHelp = robot.lookup("#strategy-help").queryAs(Label.class);
        TextField bound = robot.lookup("#maxStaleness").queryAs(TextField.class);
        Label boundHelp = robot.lookup("#maxStaleness-help").queryAs(Label.class);
        assertEquals(Strategy.SERIAL.explanation(), strategyHelp.getText());
        assertFalse(bound.isVisible(), "serial has no parameter server");
        assertFalse(boundHelp.isVisible());

        @SuppressWarnings("unchecked")
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(() -> strategy.getSelectionModel().select(Strategy.ASYNC));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Strategy.ASYNC.explanation(), strategyHelp.getText());
        assertTrue(bound.isVisible());
        assertEquals(TrainingOptions.MAX_STALENESS.help(), boundHelp.getText(), "one line says what it changes");
        assertTrue(model.config().isEmpty(), "one process cannot be both server and worker: Run is blocked");
        assertTrue(model.problems().get(TrainingOptions.PROCS).contains("expected at least 2 with strategy async"),
                model.problems().toString());

        robot.interact(() -> {
            robot.lookup("#procs").queryAs(TextField.class).setText("3");
            bound.setText("2");
        });
        WaitForAsyncUtils.waitForFxEvents();
        TrainingConfig config = model.config().orElseThrow();
        assertEquals(Strategy.ASYNC, config.parallelism().strategy());
        assertEquals(2, config.parallelism().maxStaleness());

        robot.interact(() -> strategy.getSelectionModel().select(Strategy.MPJ));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bound.isVisible());
        assertEquals(0, model.config().orElseThrow().parallelism().maxStaleness(), "mpj does not read it: back to 0");
    }
}
