package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scalelab.app.replay.ReplayPlayer;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.UpdateStaleness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An asynchronous run's live view draws its updates' staleness as they come, a bar per staleness; others have none. */
@ExtendWith(ApplicationExtension.class)
class LiveStalenessFxTest {
    private static final TrainingConfig ASYNC = TrainingConfig.defaults().with(STRATEGY, Strategy.ASYNC).with(PROCS, 3)
            .with(EPOCHS, 1);

    private final LiveRunViewModel model = new LiveRunViewModel(started -> List.of());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LiveView(model, new ReplayPlayer(Runnable::run),
                Bindings.createBooleanBinding(() -> false), () -> { }, () -> { }), 900, 760));
        stage.show();
    }

    private static RunStarted started(TrainingConfig config) {
        return new RunStarted("run", Instant.now().toString(), config, null, 0, null, 6400, 1000, null, null, false);
    }

    @Test
    void theBarsCountTheUpdatesOfEachStalenessAsTheServerReportsThem(FxRobot robot) {
        BarChart<?, ?> chart = robot.lookup("#staleness-chart").queryAs(BarChart.class);
        VBox view = robot.lookup("#staleness").queryAs(VBox.class);
        robot.interact(() -> {
            model.begin(LiveState.PREPARING);
            model.listener().onEvent(started(ASYNC));
            model.listener().onEvent(new UpdateStaleness(1, 1, List.of(0, 1), 0));
            model.flush();
        });
        assertTrue(view.isVisible(), "shown for an asynchronous run");
        assertEquals(List.of("0:1", "1:1"), bars(chart));

        robot.interact(() -> {
            model.listener().onEvent(new UpdateStaleness(1, 2, List.of(2, 0), 3));
            model.flush();
        });
        assertEquals(List.of("0:2", "1:1", "2:1"), bars(chart));
        assertEquals("4 updates, mean staleness 0.75: 0 ×2 (50 %), 1 ×1 (25 %), 2 ×1 (25 %); 3 gradients refused as "
                + "too stale", robot.lookup("#staleness-summary").queryAs(Label.class).getText());

        robot.interact(() -> {
            model.begin(LiveState.PREPARING);
            model.listener().onEvent(started(ASYNC.with(STRATEGY, Strategy.MPJ)));
            model.flush();
        });
        assertFalse(view.isVisible(), "a synchronous run has no staleness");
        assertTrue(model.stalenessBars().isEmpty(), "nothing of the run before");
    }

    /** "staleness:updates" for each bar, as the chart holds them. */
    private static List<String> bars(BarChart<?, ?> chart) {
        return chart.getData().get(0).getData().stream()
                .map(bar -> bar.getXValue() + ":" + ((XYChart.Data<?, ?>) bar).getYValue()).toList();
    }
}
