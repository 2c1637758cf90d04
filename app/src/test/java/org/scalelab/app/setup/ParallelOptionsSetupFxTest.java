package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The setup panel's options for the variants of the parallel strategies: each shown where it applies, explained in a
 * line, reaching the configuration, and a bad value blocking Run with the reason. Gradient compression and error
 * feedback; overlap and its bucket size beside compression (a strategy that cannot overlap turns it off); the chosen
 * strategy's one-line explanation and async's staleness bound (one process refused); a pipeline's microbatches, P
 * read as its stages (more microbatches than images, or more stages than layers, refused).
 */
@ExtendWith(ApplicationExtension.class)
class ParallelOptionsSetupFxTest {
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
    void compressionAndErrorFeedbackReachTheConfigurationAndABadValueIsMarked(FxRobot robot) {
        TextField compress = robot.lookup("#compress").queryAs(TextField.class);
        CheckBox errorFeedback = robot.lookup("#errorFeedback").queryAs(CheckBox.class);
        assertEquals(TrainingOptions.COMPRESS.help(), compress.getTooltip().getText(), "one line says what it changes");
        assertTrue(errorFeedback.isSelected(), "error feedback is on by default");

        robot.interact(() -> {
            robot.lookup("#more-options").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#strategy").queryAs(ComboBox.class).getSelectionModel().select(Strategy.THREADS);
            robot.lookup("#threads").queryAs(TextField.class).setText("2");
            compress.setText("topk:0.01");
            errorFeedback.setSelected(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TrainingConfig config = model.config().orElseThrow();
        assertEquals(GradientCompression.parse("topk:0.01"), config.parallelism().compression());
        assertFalse(config.parallelism().errorFeedback());

        robot.interact(() -> compress.setText("topk:2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.config().isEmpty(), "a bad value blocks Run");
        assertEquals("Compression 'topk:2': expected " + GradientCompression.CHOICES,
                model.problems().get(TrainingOptions.COMPRESS));
    }

    @Test
    void overlapAndItsBucketSizeReachTheConfigurationWhereTheStrategyAllreducesGradients(FxRobot robot) {
        CheckBox overlap = robot.lookup("#overlap").queryAs(CheckBox.class);
        TextField bucket = robot.lookup("#bucketKb").queryAs(TextField.class);
        TextField compress = robot.lookup("#compress").queryAs(TextField.class);
        assertEquals(TrainingOptions.OVERLAP.help(), overlap.getTooltip().getText(), "one line says what it changes");
        assertEquals(TrainingOptions.BUCKET_KB.help(), bucket.getTooltip().getText());
        assertEquals(compress.getParent(), overlap.getParent(), "in the same place as compression");
        assertFalse(overlap.isSelected(), "off by default");
        assertEquals("256", bucket.getText());

        @SuppressWarnings("unchecked")
        ComboBox<Strategy> strategy = robot.lookup("#strategy").queryAs(ComboBox.class);
        robot.interact(() -> {
            robot.lookup("#more-options").queryAs(TitledPane.class).setExpanded(true);
            strategy.getSelectionModel().select(Strategy.MPJ);
            robot.lookup("#procs").queryAs(TextField.class).setText("2");
            overlap.setSelected(true);
            bucket.setText("64");
        });
        WaitForAsyncUtils.waitForFxEvents();
        TrainingConfig config = model.config().orElseThrow();
        assertTrue(config.parallelism().overlap());
        assertEquals(64, config.parallelism().bucketKb());

        robot.interact(() -> compress.setText("fp16"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.config().isEmpty(), "compressed gradients cannot be overlapped: Run is blocked");
        assertTrue(model.problems().get(TrainingOptions.OVERLAP).contains("overlaps the float32 allreduce"),
                model.problems().toString());

        robot.interact(() -> {
            compress.setText("none");
            strategy.getSelectionModel().select(Strategy.SERIAL);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(overlap.isSelected(), "serial has no allreduce to overlap: the box is cleared");
        assertFalse(model.config().orElseThrow().parallelism().overlap());
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
