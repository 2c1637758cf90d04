package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The setup panel offers gradient compression and error feedback, explained, and they reach the configuration. */
@ExtendWith(ApplicationExtension.class)
class CompressionSetupFxTest {
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
            robot.lookup("#strategy").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(
                    org.scalelab.engine.config.Strategy.THREADS);
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
}
