package org.scalelab.app.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.Calibrations;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.predict.Prediction;
import org.scalelab.engine.predict.ScalingModel;
import org.scalelab.engine.provenance.MachineDescription;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The What-if tab's options that belong to one strategy: overlap (a check box and the bucket size) and a pipeline's
 * microbatches, each explained and shown or enabled only where it means something, and the step predicted with them.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfStrategyOptionsFxTest {
    @TempDir
    static Path folder;

    private WhatIfViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Calibrations.layered(MachineDescription.current()).save(folder.resolve("calibration.json"));
        model = new WhatIfViewModel(folder.resolve("calibration.json"), new DatasetCatalog(folder, folder.resolve("none")),
                Threads.direct());
        stage.setScene(new Scene(new WhatIfView(model), 1100, 800));
        stage.show();
    }

    @Test
    void overlappingTheAllreduceHidesPartOfItAndTheBreakdownKeepsWhatIsWaitedFor(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.calibrationProperty().get() != null);
        robot.interact(() -> model.modelProperty().set("mlp-235k"));
        CheckBox overlap = robot.lookup("#whatif-overlap").queryAs(CheckBox.class);
        Spinner<?> bucket = robot.lookup("#whatif-bucket-kb").queryAs(Spinner.class);
        assertEquals(TrainingOptions.OVERLAP.help(), overlap.getTooltip().getText(), "one line says what it changes");
        assertEquals(TrainingOptions.BUCKET_KB.help(), bucket.getTooltip().getText());
        assertTrue(bucket.isDisabled(), "the bucket size means nothing without overlap");
        Prediction after = model.chosenProperty().get();
        assertEquals(0, after.hiddenSeconds());

        robot.interact(() -> {
            overlap.setSelected(true);
            model.bucketKbProperty().set(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bucket.isDisabled());
        Prediction overlapped = model.chosenProperty().get();
        Prediction expected = new ScalingModel(model.calibrationProperty().get()).predict(model.scenario().orElseThrow());
        assertEquals(expected, overlapped, "the engine's prediction of the overlapped scenario");
        assertTrue(overlapped.hiddenSeconds() > 0);
        assertTrue(overlapped.communicationSeconds() < after.communicationSeconds(), "less is waited for");
        assertTrue(robot.lookup("#whatif-summary").queryAs(Label.class).getText()
                .contains(String.format(Locale.ROOT, "%.2f ms of communication hidden behind the backward pass",
                        1e3 * overlapped.hiddenSeconds())));
    }

    @Test
    void morePipelineMicrobatchesShrinkThePredictedBubble(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.calibrationProperty().get() != null);
        robot.interact(() -> model.modelProperty().set("mlp-235k"));
        Spinner<?> microbatches = robot.lookup("#whatif-microbatches").queryAs(Spinner.class);
        assertFalse(microbatches.isVisible(), "only a pipeline has microbatches");
        assertEquals(TrainingOptions.MICROBATCHES.help(), microbatches.getTooltip().getText(), "one line says what it changes");

        robot.interact(() -> {
            model.strategyProperty().set(Strategy.PIPELINE);
            model.procsProperty().set(2);
            model.microbatchesProperty().set(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(microbatches.isVisible());
        Prediction two = model.chosenProperty().get();
        assertEquals(new ScalingModel(model.calibrationProperty().get()).predict(model.scenario().orElseThrow()), two,
                "the engine's prediction of the pipeline");
        assertTrue(two.waitSeconds() > 0, "the bubble is waiting");
        assertTrue(robot.lookup("#whatif-summary").queryAs(Label.class).getText().contains("idle in the bubble"));

        robot.interact(() -> model.microbatchesProperty().set(8));
        WaitForAsyncUtils.waitForFxEvents();
        Prediction eight = model.chosenProperty().get();
        assertTrue(eight.waitSeconds() / eight.stepSeconds() < two.waitSeconds() / two.stepSeconds(),
                "more microbatches, a smaller share of the step waiting");
    }
}
