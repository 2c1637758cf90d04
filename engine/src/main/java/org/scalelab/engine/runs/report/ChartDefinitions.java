package org.scalelab.engine.runs.report;

import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.scalelab.engine.report.ChartTheme;
import org.scalelab.engine.runs.speedup.Speedup;

/**
 * Builds the JFreeChart definition of each {@link ChartKind} over given datasets. The same chart objects are
 * shown on screen and drawn into PNG and SVG files, so an export always looks like what the user saw.
 */
final class ChartDefinitions {
    private ChartDefinitions() {
    }

    /**
     * Per-step series are drawn by a sampling renderer: with 100k points it redraws in ~30 ms where a plain
     * line renderer needs ~250 ms (measured), because it draws at most one vertical span per pixel column.
     */
    static JFreeChart lines(ChartKind kind, XYDataset perStep, XYDataset perEpoch) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(numberAxis(kind.xLabel()));
        plot.setRangeAxis(numberAxis(kind.yLabel(), kind.yCeiling()));
        if (perStep != null) {
            plot.setDataset(0, perStep);
            plot.setRenderer(0, new SamplingXYLineRenderer());
        }
        plot.setDataset(1, perEpoch);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        return chart(kind, plot);
    }

    /** Measured speedup points with their efficiency as labels, against the ideal line speedup = workers. */
    static JFreeChart speedup(XYDataset points) {
        XYPlot plot = new XYPlot();
        NumberAxis domain = integerAxis(ChartKind.SPEEDUP.xLabel());
        // Room for the "1.85× · 92 %" labels above and beside the widest run's point, which were cut off.
        domain.setUpperMargin(0.3);
        plot.setDomainAxis(domain);
        NumberAxis range = numberAxis(ChartKind.SPEEDUP.yLabel());
        range.setAutoRangeIncludesZero(true);
        range.setUpperMargin(0.15);
        plot.setRangeAxis(range);
        plot.setDataset(points);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true) {
            /** A run without a baseline has no measured point yet: no legend entry promising one. */
            @Override
            public LegendItem getLegendItem(int datasetIndex, int series) {
                XYDataset data = getPlot() == null ? null : getPlot().getDataset(datasetIndex);
                return data != null && data.getItemCount(series) == 0 ? null : super.getLegendItem(datasetIndex, series);
            }
        };
        renderer.setDefaultItemLabelGenerator(efficiencyLabels());
        renderer.setDefaultItemLabelsVisible(true);
        plot.setRenderer(renderer);
        return chart(ChartKind.SPEEDUP, plot);
    }

    static JFreeChart stackedBars(ChartKind kind, CategoryDataset phases) {
        CategoryAxis categories = new CategoryAxis(kind.xLabel());
        // Workers and epochs are short labels: upright, and JFreeChart wraps the rare long one.
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(phases, categories, numberAxis(kind.yLabel()), renderer);
        return chart(kind, plot);
    }

    /** "1.85× · 92 %": speedup and efficiency ({@link Speedup#efficiency()}); the ideal line gets no labels. */
    private static XYItemLabelGenerator efficiencyLabels() {
        DecimalFormat speedup = new DecimalFormat("0.00");
        DecimalFormat percent = new DecimalFormat("0");
        return (dataset, series, item) -> {
            if (series == 0) {
                return null;
            }
            var measured = new Speedup(dataset.getYValue(series, item), (int) dataset.getXValue(series, item));
            return speedup.format(measured.value()) + "× · " + percent.format(100 * measured.efficiency()) + " %";
        };
    }

    private static JFreeChart chart(ChartKind kind, Plot plot) {
        JFreeChart chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartTheme.apply(chart);
        return chart;
    }

    private static NumberAxis numberAxis(String label) {
        return numberAxis(label, Double.POSITIVE_INFINITY);
    }

    private static NumberAxis numberAxis(String label, double ceiling) {
        NumberAxis axis = new SpanningAxis(label, ceiling);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static NumberAxis integerAxis(String label) {
        NumberAxis axis = numberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }
}
