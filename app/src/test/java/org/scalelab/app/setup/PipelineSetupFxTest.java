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
 * The setup panel shows the microbatches field for a pipeline only, with a line on what it changes; P reads as the
 * stages; the count reaches the configuration, and more microbatches than images, or more stages than layers,
 * blocks Run with the reason.
 */
@ExtendWith(ApplicationExtension.class)
class PipelineSetupFxTest {
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
    void microbatchesAreOfferedForAPipelineWithWhatTheyChangeAndReachTheConfiguration(FxRobot robot) {
        TextField microbatches = robot.lookup("#microbatches").queryAs(TextField.class);
        Label help = robot.lookup("#microbatches-help").queryAs(Label.class);
        assertFalse(microbatches.isVisible(), "hidden while the strategy is serial");
        assertEquals(TrainingOptions.MICROBATCHES.help(), help.getText(), "one line says what it changes");
        assertEquals(TrainingOptions.MICROBATCHES.help(), microbatches.getTooltip().getText());

        @SuppressWarnings("unchecked")
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(() -> {
            strategy.getSelectionModel().select(Strategy.PIPELINE);
            robot.lookup("#procs").queryAs(TextField.class).setText("3");
            microbatches.setText("8");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(microbatches.isVisible() && help.isVisible());
        assertTrue(model.processesHint().get().contains("stages"), model.processesHint().get());
        TrainingConfig config = model.config().orElseThrow();
        assertEquals(3, config.parallelism().processes());
        assertEquals(8, config.parallelism().microbatches());

        robot.interact(() -> microbatches.setText("65"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.config().isEmpty(), "65 microbatches of a batch of 64: Run is blocked");
        assertTrue(model.problems().get(TrainingOptions.MICROBATCHES).contains("every microbatch needs an image"),
                model.problems().toString());

        robot.interact(() -> {
            microbatches.setText("8");
            robot.lookup("#procs").queryAs(TextField.class).setText("7");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.problems().get(TrainingOptions.PROCS).contains("mlp-235k has 6 layers"),
                model.problems().toString());

        robot.interact(() -> strategy.getSelectionModel().select(Strategy.MPJ));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(microbatches.isVisible(), "other strategies do not read it");
        assertEquals(TrainingOptions.MICROBATCHES.defaultText(), microbatches.getText(), "and it goes back to its default");
        assertTrue(model.config().isPresent(), model.problems().toString());
    }
}
