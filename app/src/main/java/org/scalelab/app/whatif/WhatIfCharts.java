package org.scalelab.app.whatif;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalelab.engine.predict.Prediction;
import org.scalelab.engine.report.ChartPalette;
import org.scalelab.engine.report.ChartTheme;

/**
 * The What-if tab's two charts, over datasets the view model fills (plain data, so tests read them without a
 * screen): the predicted speedup against workers, solid on this machine's cores and dashed beyond them, with the
 * ideal line; and the chosen configuration's step split into compute, communication, waiting and the rest.
 */
public final class WhatIfCharts {
    /** The breakdown's parts, in the order they stack. */
    public static final List<String> PARTS = List.of("compute", "communication", "waiting", "rest");
    /** Each part in the colour of the measured phase it stands for in the run charts. */
    private static final List<String> PHASE_COLOURS = List.of("forward", "communication", "idle", "data");
    static final String IDEAL = "ideal";
    static final String HERE = "predicted on this machine's cores";
    static final String BEYOND = "predicted beyond this machine";

    private final XYSeries ideal = new XYSeries(IDEAL, true, false);
    private final XYSeries here = new XYSeries(HERE, true, false);
    private final XYSeries beyond = new XYSeries(BEYOND, true, false);
    private final XYSeriesCollection speedupData = new XYSeriesCollection();
    private final DefaultCategoryDataset steps = new DefaultCategoryDataset();
    private final JFreeChart speedup;
    private final JFreeChart breakdown;

    public WhatIfCharts() {
        speedupData.addSeries(ideal);
        speedupData.addSeries(here);
        speedupData.addSeries(beyond);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        NumberAxis workers = new NumberAxis("workers (processes × threads)");
        workers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(speedupData, workers, new NumberAxis("predicted speedup"), lines);
        speedup = new JFreeChart("Predicted speedup vs serial", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartTheme.apply(speedup); // first: the theme resets the series' paints
        lines.setSeriesPaint(0, ChartPalette.IDEAL);
        lines.setSeriesStroke(0, ChartPalette.DASHED);
        lines.setSeriesShapesVisible(0, false);
        lines.setSeriesPaint(1, ChartPalette.run(0));
        lines.setSeriesStroke(1, ChartPalette.SOLID);
        lines.setSeriesPaint(2, ChartPalette.run(0));
        lines.setSeriesStroke(2, ChartPalette.DASHED);

        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setMaximumBarWidth(0.25);
        CategoryPlot parts = new CategoryPlot(steps, new CategoryAxis("P × T"), new NumberAxis("ms per step"), bars);
        parts.setOrientation(PlotOrientation.HORIZONTAL);
        breakdown = new JFreeChart("Predicted step", JFreeChart.DEFAULT_TITLE_FONT, parts, true);
        ChartTheme.apply(breakdown);
        for (int i = 0; i < PARTS.size(); i++) {
            bars.setSeriesPaint(i, ChartPalette.phase(PHASE_COLOURS.get(i)));
        }
    }

    public JFreeChart speedup() {
        return speedup;
    }

    public JFreeChart breakdown() {
        return breakdown;
    }

    /**
     * Draws {@code curve} (by workers) against the ideal line, the points past {@code coresHere} workers dashed (the
     * last one on this machine's cores starts the dashed part, so the line is unbroken), and {@code chosen}'s step.
     */
    void show(List<Prediction> curve, Prediction chosen, int coresHere) {
        speedup.setNotify(false);
        breakdown.setNotify(false);
        try {
            here.clear();
            beyond.clear();
            ideal.clear();
            Prediction lastHere = null;
            for (Prediction point : curve) {
                int workers = point.procs() * point.threads();
                if (workers <= coresHere) {
                    here.add(workers, point.speedup());
                    lastHere = point;
                } else {
                    if (beyond.isEmpty() && lastHere != null) {
                        beyond.add(lastHere.procs() * lastHere.threads(), lastHere.speedup());
                    }
                    beyond.add(workers, point.speedup());
                }
            }
            Prediction last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
            double most = last == null ? 2 : Math.max(2, last.procs() * last.threads());
            ideal.add(1, 1);
            ideal.add(most, most);
            speedup.getXYPlot().clearDomainMarkers();
            speedup.getXYPlot().addDomainMarker(ChartTheme.machineMarker(coresHere));
            steps.clear();
            String configuration = chosen.procs() + " × " + chosen.threads();
            double[] ms = {chosen.computeSeconds(), chosen.communicationSeconds(), chosen.waitSeconds(), chosen.restSeconds()};
            for (int i = 0; i < PARTS.size(); i++) {
                steps.addValue(ms[i] * 1e3, PARTS.get(i), configuration);
            }
        } finally {
            speedup.setNotify(true);
            breakdown.setNotify(true);
        }
    }

    /** Nothing to predict from: empty charts. */
    void clear() {
        here.clear();
        beyond.clear();
        ideal.clear();
        steps.clear();
    }
}
