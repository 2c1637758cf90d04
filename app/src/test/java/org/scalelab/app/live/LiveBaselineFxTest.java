package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scalelab.app.baseline.BaselineChoice;
import org.scalelab.engine.runs.report.ChartKind;
import org.scalelab.app.replay.ReplayPlayer;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Baselines;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live view names the baseline a run's speedup is measured against, and measures again against another. */
@ExtendWith(ApplicationExtension.class)
class LiveBaselineFxTest {
    private static final TrainingConfig SERIAL = TrainingConfig.defaults().with(BATCH, 64);
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    // 64 images a step: 3,200 img/s in 20 ms steps, 4,000 in 16 ms, 6,400 in 10 ms.
    private final RunRecord morning = SyntheticRun.record("serial baseline", SERIAL, NOON.minusSeconds(3 * 3600), 0.02);
    private final RunRecord beside = SyntheticRun.record("serial calibration", SERIAL, NOON.minusSeconds(300), 0.016);
    private final RunRecord threads = SyntheticRun.record("threads", SERIAL.with(STRATEGY, Strategy.THREADS).with(THREADS, 2),
            NOON, 0.01);
    private final Baselines baselines = new Baselines(List.of(threads, beside, morning));
    private final LiveRunViewModel model = new LiveRunViewModel(baselines::eligibleFor);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LiveView(model, new ReplayPlayer(Runnable::run),
                Bindings.createBooleanBinding(() -> false), () -> { }, () -> { }), 560, 760)); // narrow: the title must give way, not the baseline
        stage.show();
    }

    @Test
    void theBaselineIsNamedWholeAndChoosingAnotherMeasuresTheSpeedupAgain(FxRobot robot) {
        robot.interact(() -> {
            model.begin(LiveState.REPLAYING);
            threads.events().forEach(model.listener()::onEvent);
            model.flush();
        });
        ComboBox<?> chooser = robot.lookup("#baseline").queryAs(ComboBox.class);
        assertTrue(chooser.isVisible());
        List<Baseline> eligible = List.copyOf(model.baseline().eligible());
        assertEquals(List.of("serial calibration", "serial baseline"), eligible.stream().map(Baseline::name).toList(),
                "the closest in time first");
        String closest = BaselineChoice.describe(eligible.get(0));
        assertTrue(closest.endsWith(" · 4,000 img/s"), closest);
        assertEquals("Baseline: " + closest, shownText(chooser), "named whole");
        assertTrue(chooser.getTooltip().getText().contains(closest), chooser.getTooltip().getText());
        assertEquals(1.6, speedupCharted(), 1e-9, "6,400 img/s over 4,000");

        robot.interact(chooser::show);
        String other = BaselineChoice.describe(eligible.get(1));
        Node item = robot.lookup((Node node) -> node instanceof ListCell<?> cell && other.equals(cell.getText())).query();
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(eligible.get(1), model.baseline().chosen().orElseThrow());
        assertEquals("Baseline: " + other, shownText(chooser));
        assertEquals(2.0, speedupCharted(), 1e-9, "6,400 img/s over 3,200");
    }

    /** The text as drawn: a label too narrow for its text draws it cut, with an ellipsis. */
    private static String shownText(ComboBox<?> chooser) {
        return ((Text) chooser.getButtonCell().lookup(".text")).getText();
    }

    private double speedupCharted() {
        XYDataset speedup = model.charts().chart(ChartKind.SPEEDUP).getXYPlot().getDataset();
        return speedup.getYValue(1, 0);
    }
}
