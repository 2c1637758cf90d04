package org.scalelab.engine.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ChartBookTest {

    /** One epoch's throughput, or a flat series: the axes span round numbers, not a point labelled "1.161534E4". */
    @Test
    void onePointAndAFlatSeriesGetAxesWithRoundTicks() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("");
        trace.stepLoss(0.01, 3.288058);
        trace.stepLoss(0.02, 3.288058);
        trace.throughput(1, 11615.34);
        for (ChartKind kind : List.of(ChartKind.LOSS, ChartKind.THROUGHPUT)) {
            JFreeChart chart = book.chart(kind);
            chart.createBufferedImage(400, 300); // lays the axes out, as drawing on screen does
            for (NumberAxis axis : List.of((NumberAxis) chart.getXYPlot().getDomainAxis(),
                    (NumberAxis) chart.getXYPlot().getRangeAxis())) {
                String tick = axis.getTickUnit().valueToString(axis.getRange().getCentralValue());
                assertFalse(tick.contains("E"), kind + " " + axis.getLabel() + ": " + tick);
                assertTrue(axis.getRange().getLength() > 1e-3, kind + " " + axis.getLabel() + ": " + axis.getRange());
            }
        }
    }

    /** Spread to a round span about 90 %, the accuracy axis would reach 108 %: it slides below 100 instead. */
    @Test
    void theAccuracyAxisNeverPassesOneHundredPercent() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("");
        trace.accuracy(1, 83.1, 90.5);
        trace.accuracy(2, 96.2, 93.0);
        JFreeChart chart = book.chart(ChartKind.ACCURACY);
        chart.createBufferedImage(400, 300);
        NumberAxis accuracy = (NumberAxis) chart.getXYPlot().getRangeAxis();
        assertEquals(100, accuracy.getUpperBound(), 1e-9, accuracy.getRange().toString());
        assertTrue(accuracy.getLowerBound() < 83.1, accuracy.getRange().toString());
    }

    @Test
    void workerAndEpochTicksAreUpright() {
        ChartBook book = new ChartBook();
        for (ChartKind kind : List.of(ChartKind.PHASES_PER_WORKER, ChartKind.PHASES_OVER_TIME)) {
            assertEquals(CategoryLabelPositions.STANDARD,
                    book.chart(kind).getCategoryPlot().getDomainAxis().getCategoryLabelPositions(), kind.toString());
        }
    }

    @Test
    void smoothsTheStepLossWithoutPullingTheFirstPointTowardsZero() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("");
        trace.stepLoss(0.01, 2.0);
        trace.stepLoss(0.02, 2.0);
        XYDataset steps = book.chart(ChartKind.LOSS).getXYPlot().getDataset(0);
        assertEquals(2.0, steps.getYValue(0, 0), 1e-12);
        assertEquals(2.0, steps.getYValue(0, 1), 1e-12);
        assertEquals(2, trace.stepPoints());
    }

    @Test
    void overlaysRunsAsSeparateSeriesNamedByTheirLabel() {
        ChartBook book = new ChartBook();
        book.addRun("serial").accuracy(1, 90, 91);
        book.addRun("2 threads").accuracy(1, Double.NaN, 89);
        XYDataset accuracy = book.chart(ChartKind.ACCURACY).getXYPlot().getDataset(1);
        assertEquals(4, accuracy.getSeriesCount());
        assertEquals("B · 2 threads · test", accuracy.getSeriesKey(3));
        assertEquals(0, accuracy.getItemCount(2), "an unmeasured accuracy adds no point");
    }

    @Test
    void speedupKeepsOneEstimatePerRunAndStretchesTheIdealLine() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("4 threads");
        trace.speedup(4, 2.5, false);
        trace.speedup(4, 3.1, true);
        XYDataset speedup = book.chart(ChartKind.SPEEDUP).getXYPlot().getDataset();
        assertEquals(1, speedup.getItemCount(1));
        assertEquals(3.1, speedup.getYValue(1, 0));
        assertEquals(4.0, speedup.getXValue(0, 1), "ideal line reaches the widest run");
        assertEquals("A · 4 threads · measured vs calibration", speedup.getSeriesKey(1), "the legend names a calibration");
    }

    @Test
    void aRunWithoutASpeedupPointHasNoSpeedupLegendEntry() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("serial");
        assertEquals(List.of("ideal"), legend(book));
        trace.speedup(1, 1.0, false);
        assertEquals(List.of("ideal", "A · serial · measured"), legend(book));
    }

    private static List<String> legend(ChartBook book) {
        LegendItemCollection items = book.chart(ChartKind.SPEEDUP).getXYPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    @Test
    void phasesAccumulatePerWorkerAndStackPerEpoch() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("");
        List<Map<String, Double>> epoch = List.of(Map.of("forward", 1.0, "backward", 2.0), Map.of("forward", 1.5));
        trace.phases(1, epoch);
        trace.phases(2, epoch);
        CategoryDataset perWorker = book.chart(ChartKind.PHASES_PER_WORKER).getCategoryPlot().getDataset();
        CategoryDataset perEpoch = book.chart(ChartKind.PHASES_OVER_TIME).getCategoryPlot().getDataset();
        assertEquals(2.0, perWorker.getValue("forward", "w0").doubleValue(), 1e-12);
        assertEquals(3.0, perWorker.getValue("forward", "w1").doubleValue(), 1e-12);
        assertEquals(2.5, perEpoch.getValue("forward", "2").doubleValue(), 1e-12);
    }

    @Test
    void clearRemovesEveryRun() {
        ChartBook book = new ChartBook();
        book.addRun("a").testLoss(1, 0.5);
        book.clear();
        assertTrue(book.traces().isEmpty());
        assertEquals(0, book.chart(ChartKind.LOSS).getXYPlot().getDataset(1).getSeriesCount());
        assertEquals(1, book.chart(ChartKind.SPEEDUP).getXYPlot().getDataset().getSeriesCount(), "ideal line stays");
    }

    @Test
    void aLongStepSeriesStaysBoundedAndEndsAtTheLatestStep() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("");
        book.update(() -> {
            for (int step = 1; step <= 50_000; step++) {
                trace.stepLoss(step / 1000.0, 1.0);
            }
        });
        assertTrue(trace.stepPoints() <= DecimatedSeries.MAX_POINTS, trace.stepPoints() + " points");
        assertTrue(trace.stepPoints() >= DecimatedSeries.MAX_POINTS / 2, trace.stepPoints() + " points");
        XYDataset steps = book.chart(ChartKind.LOSS).getXYPlot().getDataset(0);
        assertEquals(50.0, steps.getXValue(0, steps.getItemCount(0) - 1), 1e-12);
    }

    @Test
    void aHundredEpochsMakeTwentyBarsOfFiveEpochsEach() {
        ChartBook book = new ChartBook();
        RunTrace trace = book.addRun("");
        for (int epoch = 1; epoch <= 100; epoch++) {
            trace.phases(epoch, List.of(Map.of("forward", (double) epoch)));
        }
        CategoryDataset perEpoch = book.chart(ChartKind.PHASES_OVER_TIME).getCategoryPlot().getDataset();
        assertEquals(20, perEpoch.getColumnCount());
        assertEquals("1–5", perEpoch.getColumnKey(0));
        assertEquals("96–100", perEpoch.getColumnKey(19));
        assertEquals(3.0, perEpoch.getValue("forward", "1–5").doubleValue(), 1e-12, "the mean epoch of the range");
    }
}
