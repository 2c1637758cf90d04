package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
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
 * The setup panel offers overlap and its bucket size beside compression, each explained in a line, and they reach
 * the configuration; a strategy that cannot overlap turns it off, and compression with it blocks Run with the reason.
 */
@ExtendWith(ApplicationExtension.class)
class OverlapSetupFxTest {
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
}
