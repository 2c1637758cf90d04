package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scalelab.engine.runs.report.ChartKind;
import org.scalelab.app.replay.ReplayPlayer;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Throughput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long run (100 epochs × 1,000 steps) arriving as fast as a thread can send it must not freeze the window:
 * the charts on screen take it in bounded batches and keep their point counts bounded.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartsResponsivenessFxTest {
    /**
     * Frames apart: nearly every frame within 0.3 s and none beyond 2 s. This guards against the freeze of many
     * seconds that every point refitting the axes caused, not against slowness: on the shared 2-core machines a
     * busy neighbour alone stretched the 99th percentile to 100–230 ms, so a tighter bound would time the machine.
     */
    private static final long TYPICAL_ALLOWED_NANOS = 300_000_000L;
    private static final long LONGEST_ALLOWED_NANOS = 2_000_000_000L;

    private final LiveRunViewModel model = new LiveRunViewModel(started -> List.of(new Baseline("serial", "serial", null, new Throughput(1000, 1000, 1000, 1), false)));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LiveView(model, new ReplayPlayer(Runnable::run),
                Bindings.createBooleanBinding(() -> false), () -> { }, () -> { }), 1200, 760));
        stage.show();
    }

    @Test
    void aHundredThousandStepsNeverBlockTheUiThreadAndKeepTheChartsSmall(FxRobot robot) throws Exception {
        TrainingConfig config = TrainingConfig.defaults().with(STRATEGY, Strategy.THREADS).with(THREADS, 2).with(EPOCHS, 100);
        // A short run first, so that loading and compiling the chart code is not counted as blocking.
        play(robot, SyntheticRun.events(config, 5, 1000, 2), new FrameGaps());
        FrameGaps gaps = new FrameGaps();
        play(robot, SyntheticRun.events(config, 100, 1000, 2), gaps);

        assertTrue(gaps.percentile(0.99) < TYPICAL_ALLOWED_NANOS, "1 % of frames were more than " + gaps.percentile(0.99) / 1e6 + " ms apart");
        assertTrue(gaps.longest() < LONGEST_ALLOWED_NANOS, "the UI thread was blocked for " + gaps.longest() / 1e6 + " ms");
        XYDataset steps = model.charts().chart(ChartKind.LOSS).getXYPlot().getDataset(0);
        int points = steps.getItemCount(0);
        assertTrue(points <= 2000 && points >= 500, points + " per-step points");
        assertEquals(100.0, steps.getXValue(0, points - 1), 1e-9, "the line ends at the latest step");
        assertEquals(SyntheticRun.loss(100_000), steps.getYValue(0, points - 1), 1e-4);
        assertEquals(100, model.charts().traces().get(0).epochPoints());
        CategoryDataset perEpoch = model.charts().chart(ChartKind.PHASES_OVER_TIME).getCategoryPlot().getDataset();
        assertTrue(perEpoch.getColumnCount() <= 20, perEpoch.getColumnCount() + " bars over time");
    }

    /** Sends the events from a thread of their own, as training does, and waits until the view has them all. */
    private void play(FxRobot robot, List<RunEvent> events, FrameGaps gaps) throws Exception {
        robot.interact(() -> {
            model.begin(LiveState.PREPARING);
            gaps.start();
        });
        Thread training = new Thread(() -> events.forEach(model.listener()::onEvent));
        training.start();
        training.join();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stateProperty().get() == LiveState.FINISHED);
        robot.interact(gaps::stop);
    }

    /** The times between frames of the UI thread: how long it was kept from the user each time. */
    private static final class FrameGaps extends AnimationTimer {
        private final List<Long> gaps = new ArrayList<>();
        private long last;

        @Override
        public void handle(long now) {
            if (last > 0) {
                gaps.add(now - last);
            }
            last = now;
        }

        long percentile(double fraction) {
            List<Long> sorted = gaps.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size())));
        }

        long longest() {
            return gaps.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
