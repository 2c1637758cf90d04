package org.scalelab.engine.runs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalelab.engine.report.ChartPalette;
import org.scalelab.engine.report.ChartTheme;

/**
 * The workbench's charts over one or more runs: the live view holds one run, the comparison overlays several.
 * It owns the datasets (plain data, so view models and tests fill it without a screen) and the chart
 * definitions that both the screen and the exports draw.
 */
public final class ChartBook {
    /** The charts whose horizontal axis is a run's time, in epochs. */
    private static final List<ChartKind> TIMELINE_CHARTS = List.of(ChartKind.LOSS, ChartKind.ACCURACY,
            ChartKind.THROUGHPUT);
    /** The index of the per-epoch dataset and renderer of the charts of {@link ChartDefinitions#lines}. */
    static final int PER_EPOCH = 1;
    /** Lines the labels of successive timeline markers cycle through. */
    private static final int MARKER_LABEL_ROWS = 3;
    private final XYSeriesCollection trainLoss = new XYSeriesCollection();
    private final XYSeriesCollection testLoss = new XYSeriesCollection();
    private final XYSeriesCollection accuracy = new XYSeriesCollection();
    private final XYSeriesCollection throughput = new XYSeriesCollection();
    private final XYSeriesCollection speedup = new XYSeriesCollection();
    private final XYSeries ideal = new XYSeries("ideal", true, false);
    private final XYSeriesCollection predictedSpeedup = new XYSeriesCollection();
    private final DefaultCategoryDataset phasesPerWorker = new DefaultCategoryDataset();
    private final DefaultCategoryDataset phasesOverTime = new DefaultCategoryDataset();
    private final Map<ChartKind, JFreeChart> charts = new EnumMap<>(ChartKind.class);
    private final List<RunTrace> traces = new ArrayList<>();
    /** The markers put on the time axis so far, whose count picks the next one's label line. */
    private int timelineMarkers;
    /** How many {@link #update} calls are under way (they nest: a comparison's update clears the book). */
    private int updating;

    public ChartBook() {
        speedup.addSeries(ideal);
        charts.put(ChartKind.LOSS, ChartDefinitions.lines(ChartKind.LOSS, trainLoss, testLoss));
        charts.put(ChartKind.ACCURACY, ChartDefinitions.lines(ChartKind.ACCURACY, null, accuracy));
        charts.put(ChartKind.THROUGHPUT, ChartDefinitions.lines(ChartKind.THROUGHPUT, null, throughput));
        charts.put(ChartKind.SPEEDUP, ChartDefinitions.speedup(speedup));
        charts.put(ChartKind.PHASES_PER_WORKER, ChartDefinitions.stackedBars(ChartKind.PHASES_PER_WORKER, phasesPerWorker));
        charts.put(ChartKind.PHASES_OVER_TIME, ChartDefinitions.stackedBars(ChartKind.PHASES_OVER_TIME, phasesOverTime));
        XYLineAndShapeRenderer speedupRenderer = (XYLineAndShapeRenderer) xyPlot(ChartKind.SPEEDUP).getRenderer();
        speedupRenderer.setSeriesPaint(0, ChartPalette.IDEAL);
        speedupRenderer.setSeriesStroke(0, ChartPalette.DASHED);
        speedupRenderer.setSeriesLinesVisible(0, true);
        speedupRenderer.setSeriesShapesVisible(0, false);
        xyPlot(ChartKind.SPEEDUP).setDataset(1, predictedSpeedup);
        xyPlot(ChartKind.SPEEDUP).setRenderer(1, new XYLineAndShapeRenderer(true, false));
        extendIdealLine(1);
    }

    public JFreeChart chart(ChartKind kind) {
        return charts.get(kind);
    }

    public List<RunTrace> traces() {
        return Collections.unmodifiableList(traces);
    }

    /**
     * Adds a run's series, coloured by its position in the book.
     *
     * @param label shown in legends and category names; empty for the single run of the live view
     */
    public RunTrace addRun(String label) {
        int index = traces.size();
        RunTrace trace = new RunTrace(label, code(index), this, phasesPerWorker, phasesOverTime);
        traces.add(trace);
        if (updating > 0) {
            trace.notifyListeners(false);
        }
        trainLoss.addSeries(trace.trainLoss());
        testLoss.addSeries(trace.testLoss());
        accuracy.addSeries(trace.trainAccuracy());
        accuracy.addSeries(trace.testAccuracy());
        throughput.addSeries(trace.throughputSeries());
        speedup.addSeries(trace.speedupSeries());
        style(ChartKind.LOSS, 0, index, index, false);
        style(ChartKind.LOSS, 1, index, index, true);
        style(ChartKind.ACCURACY, 1, 2 * index, index, false);
        style(ChartKind.ACCURACY, 1, 2 * index + 1, index, true);
        style(ChartKind.THROUGHPUT, 1, index, index, false);
        style(ChartKind.SPEEDUP, 0, index + 1, index, false);
        return trace;
    }

    /**
     * A scaling model's predicted speedup beside the run at {@code runIndex}: a dashed line in its colour, on the
     * speedup chart only; the ideal line grows to its last point.
     *
     * @param label  names it as predicted, and from what (a series of that name already shown is kept)
     * @param points each {@code {workers, speedup}}, by workers
     */
    public void predictedSpeedup(int runIndex, String label, List<double[]> points) {
        if (predictedSpeedup.getSeriesIndex(label) >= 0) {
            return;
        }
        XYSeries series = new XYSeries(label, true, false);
        points.forEach(point -> series.add(point[0], point[1]));
        predictedSpeedup.addSeries(series);
        int index = predictedSpeedup.getSeriesCount() - 1;
        style(ChartKind.SPEEDUP, 1, index, runIndex, true);
        if (!series.isEmpty()) {
            extendIdealLine((int) Math.ceil(series.getMaxX()));
        }
    }

    /**
     * A labelled vertical line at {@code epochPosition} on every chart whose horizontal axis is the run's time in
     * epochs (loss, accuracy, throughput), such as where ranks failed and where the run restarted. Labels of
     * markers that follow each other take the next line down, so close markers stay readable.
     */
    void timelineMarker(double epochPosition, String label, Color colour, boolean labelLeft) {
        int row = timelineMarkers++ % MARKER_LABEL_ROWS;
        for (ChartKind kind : TIMELINE_CHARTS) {
            // On the per-epoch renderer's layer, which every one of these charts has: a plot draws the markers of
            // index 0 only where it has a renderer 0, and accuracy and throughput have no per-step one.
            xyPlot(kind).addDomainMarker(PER_EPOCH, ChartTheme.labelledMarker(epochPosition, label, colour, row,
                    labelLeft), Layer.FOREGROUND);
        }
    }

    /** Removes every predicted speedup curve (the calibration changed, or is gone). */
    public void clearPredictedSpeedup() {
        predictedSpeedup.removeAllSeries();
    }

    /** The letter that names the run at {@code index} where a whole label would not fit (bar labels, tables). */
    public static String code(int index) {
        return String.valueOf((char) ('A' + index % 26));
    }

    /** Removes every run. */
    public void clear() {
        update(() -> {
            traces.clear();
            for (XYSeriesCollection collection : List.of(trainLoss, testLoss, accuracy, throughput)) {
                collection.removeAllSeries();
            }
            while (speedup.getSeriesCount() > 1) {
                speedup.removeSeries(1);
            }
            predictedSpeedup.removeAllSeries();
            phasesPerWorker.clear();
            phasesOverTime.clear();
            ideal.clear();
            extendIdealLine(1);
            TIMELINE_CHARTS.forEach(kind -> xyPlot(kind).clearDomainMarkers());
            timelineMarkers = 0;
        });
    }

    /**
     * Applies a batch of changes with series and chart notifications held back, so each series tells its chart
     * once and each chart redraws once at the end. Without this every point made its plot walk every series
     * to fit the axes again, and a 100,000-step run froze the window for seconds.
     */
    public void update(Runnable changes) {
        charts.values().forEach(chart -> chart.setNotify(false));
        traces.forEach(trace -> trace.notifyListeners(false));
        updating++;
        try {
            changes.run();
        } finally {
            updating--;
            if (updating == 0) {
                traces.forEach(trace -> trace.notifyListeners(true));
                charts.values().forEach(chart -> chart.setNotify(true));
            }
        }
    }

    void extendIdealLine(int workers) {
        if (ideal.getItemCount() < 2 || ideal.getMaxX() < workers) {
            ideal.clear();
            ideal.add(1, 1);
            ideal.add(Math.max(2, workers), Math.max(2, workers));
        }
    }

    void colourPhases() {
        for (ChartKind kind : List.of(ChartKind.PHASES_PER_WORKER, ChartKind.PHASES_OVER_TIME)) {
            CategoryPlot plot = chart(kind).getCategoryPlot();
            CategoryItemRenderer renderer = plot.getRenderer();
            List<?> rows = plot.getDataset().getRowKeys();
            for (int row = 0; row < rows.size(); row++) {
                renderer.setSeriesPaint(row, ChartPalette.phase(rows.get(row).toString()), false);
            }
        }
    }

    private void style(ChartKind kind, int rendererIndex, int series, int runIndex, boolean dashed) {
        XYItemRenderer renderer = xyPlot(kind).getRenderer(rendererIndex);
        renderer.setSeriesPaint(series, ChartPalette.run(runIndex), false);
        renderer.setSeriesStroke(series, dashed ? ChartPalette.DASHED : ChartPalette.SOLID, false);
    }

    private XYPlot xyPlot(ChartKind kind) {
        return chart(kind).getXYPlot();
    }
}
