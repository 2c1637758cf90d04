package org.scalelab.engine.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.events.EventSamples;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.report.ChartPalette;

/** A run's events drawn on its charts: where ranks failed and where it restarted, on the time axis. */
class RunChartingTest {
    private static final String AT = "2026-12-05T10:00:00Z";
    private static final String KILLED = "rank 1 (pid 81) exited with status 137 (killed by SIGKILL)";

    private final RunStarted started = EventSamples.started("r1");
    private final int stepsPerEpoch = started.stepsPerEpoch();
    private final List<RunEvent> events = new ArrayList<>(List.of(started));
    private long globalStep;

    private void steps(int epoch, int count) {
        for (int step = 1; step <= count; step++) {
            events.add(new StepCompleted(epoch, step, ++globalStep, 1.0 / globalStep, 0.5, 4, globalStep * 0.01));
        }
    }

    private void epochs(int first, int last) {
        for (int epoch = first; epoch <= last; epoch++) {
            steps(epoch, stepsPerEpoch);
            events.add(EventSamples.epoch(epoch));
        }
    }

    private static ChartBook chart(String label, List<RunEvent> events) {
        ChartBook book = new ChartBook();
        RunCharting charting = new RunCharting(book.addRun(label));
        book.update(() -> events.forEach(charting::accept));
        return book;
    }

    /** How near the chart, drawn, comes to {@code colour} (a plot leaves out markers it has no renderer for). */
    private static int nearest(ChartBook book, ChartKind kind, Color colour) {
        BufferedImage image = book.chart(kind).createBufferedImage(600, 400);
        int nearest = Integer.MAX_VALUE;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                nearest = Math.min(nearest, Math.abs(pixel.getRed() - colour.getRed())
                        + Math.abs(pixel.getGreen() - colour.getGreen()) + Math.abs(pixel.getBlue() - colour.getBlue()));
            }
        }
        return nearest;
    }

    /** The markers the chart draws: on a layer with a renderer of its own. */
    private static List<ValueMarker> markers(ChartBook book, ChartKind kind) {
        Collection<?> markers = book.chart(kind).getXYPlot().getDomainMarkers(ChartBook.PER_EPOCH,
                Layer.FOREGROUND);
        return markers == null ? List.of() : markers.stream().map(ValueMarker.class::cast).toList();
    }

    @Test
    void aFailureAndItsRestartAreMarkedWhereTheyHappenedOnEveryChartOfTime() {
        assertTrue(stepsPerEpoch >= 4, "the sample run needs a few steps an epoch, has " + stepsPerEpoch);
        epochs(1, 1);
        int done = stepsPerEpoch / 2;
        steps(2, done);
        events.add(new RanksFailed(KILLED, 2, globalStep, AT));
        events.add(new RunResumed(1, 2, 2, 1, AT));
        ChartBook book = chart("", events);

        for (ChartKind kind : List.of(ChartKind.LOSS, ChartKind.ACCURACY, ChartKind.THROUGHPUT)) {
            List<ValueMarker> markers = markers(book, kind);
            assertEquals(List.of("rank 1 failed", "restart 1 from epoch 1"),
                    markers.stream().map(ValueMarker::getLabel).toList(), kind.toString());
            assertEquals(1 + (double) done / stepsPerEpoch, markers.get(0).getValue(), 1e-12, "after its last step");
            assertEquals(1.0, markers.get(1).getValue(), 1e-12, "at the checkpoint's epoch");
            assertEquals(ChartPalette.FAILURE, markers.get(0).getPaint());
            assertEquals(ChartPalette.RESTART, markers.get(1).getPaint());
            assertTrue(markers.get(0).getLabelOffset().getTop() != markers.get(1).getLabelOffset().getTop(),
                    "labels of successive markers on lines of their own");
        }
        assertEquals(List.of(), markers(book, ChartKind.SPEEDUP), "workers, not time, across the speedup chart");
        XYDataset steps = book.chart(ChartKind.LOSS).getXYPlot().getDataset(0);
        double last = steps.getXValue(0, steps.getItemCount(0) - 1);
        assertEquals(1.0, last, 1e-12, "the steps after the checkpoint are taken back, to be trained again");

        book.clear();
        assertEquals(List.of(), markers(book, ChartKind.LOSS));
    }

    @Test
    void aRestartFromAnEarlierCheckpointReplacesTheEpochsTrainedAgain() {
        // Checkpoints every two epochs: epoch 3 was reported, the ranks failed in epoch 4, the run goes on after 2.
        epochs(1, 3);
        steps(4, 1);
        events.add(new RanksFailed("the ranks ended before reporting every epoch", 4, globalStep, AT));
        events.add(new RunResumed(2, 4, 2, 1, AT));
        epochs(3, 4);
        ChartBook book = chart("", events);

        XYDataset throughput = book.chart(ChartKind.THROUGHPUT).getXYPlot().getDataset(1);
        assertEquals(4, throughput.getItemCount(0), "epochs 1 to 4, each once");
        for (ChartKind kind : List.of(ChartKind.LOSS, ChartKind.ACCURACY, ChartKind.THROUGHPUT)) {
            for (Color line : List.of(ChartPalette.FAILURE, ChartPalette.RESTART)) {
                int nearest = nearest(book, kind, line);
                // a 1.6-pixel line smoothed over two columns of pixels: near its colour, not on it; without the
                // line no pixel comes within 150
                assertTrue(nearest < 80, kind + ": " + line + " drawn, the run gone on past it; nearest " + nearest);
            }
        }
        assertEquals(List.of("ranks failed", "restart 1 from epoch 2"),
                markers(book, ChartKind.LOSS).stream().map(ValueMarker::getLabel).toList());
        assertEquals(3 + 1.0 / stepsPerEpoch, markers(book, ChartKind.LOSS).get(0).getValue(), 1e-12);
        CategoryDataset perWorker = book.chart(ChartKind.PHASES_PER_WORKER).getCategoryPlot().getDataset();
        assertEquals(4 * 0.4, perWorker.getValue("forward", "w0").doubleValue(), 1e-12,
                "four epochs' forward seconds, the one trained twice counted once");
        XYDataset steps = book.chart(ChartKind.LOSS).getXYPlot().getDataset(0);
        for (int item = 1; item < steps.getItemCount(0); item++) {
            assertTrue(steps.getXValue(0, item) > steps.getXValue(0, item - 1), "the loss line never runs back");
        }
    }

    @Test
    void comparedRunsMarkersCarryTheRunsLetterAndAResumeIsNamedAsSuch() {
        epochs(1, 2);
        events.add(new RunResumed(2, 3, 1, 0, AT));
        ChartBook book = chart("serial, resumed", events);
        assertEquals(List.of("A · resumed from epoch 2"),
                markers(book, ChartKind.ACCURACY).stream().map(ValueMarker::getLabel).toList());
    }
}
