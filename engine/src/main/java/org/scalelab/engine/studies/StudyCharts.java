package org.scalelab.engine.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.report.ChartPalette;
import org.scalelab.engine.report.ChartTheme;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * A study's charts, defined once for the report files and the workbench's Studies tab: speedup and efficiency
 * against workers (a line per strategy, the ideal line beside them), test accuracy per point (and against batch
 * size when batch is an axis), each point's time per phase, and every point's loss curve overlaid. Points that
 * oversubscribed the machine are drawn as a series of their own, named so. With predictions, the speedup and
 * efficiency charts add a predicted curve per strategy, solid up to this machine's cores (a marked line) and
 * dashed beyond them.
 */
public final class StudyCharts {
    /** How series are told apart in legends, and so drawn. */
    private static final String OVERSUBSCRIBED = "(oversubscribed)";
    private static final String PREDICTED = "(predicted)";
    private static final String BEYOND = "(predicted beyond this machine)";

    /** What each chart is called in file names and menus. */
    public enum Kind {
        SPEEDUP("speedup"), EFFICIENCY("efficiency"), ACCURACY("accuracy"), ACCURACY_BY_BATCH("accuracy-by-batch"),
        PHASES("phases"), LOSS("loss");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    private StudyCharts() {
    }

    /** Every chart the study has data for, in reading order. */
    public static Map<Kind, JFreeChart> all(StudyResults results) {
        Map<Kind, JFreeChart> charts = new LinkedHashMap<>();
        charts.put(Kind.SPEEDUP, speedup(results));
        charts.put(Kind.EFFICIENCY, efficiency(results));
        charts.put(Kind.ACCURACY, subtitle(accuracy(results), results));
        if (batchVaries(results)) {
            charts.put(Kind.ACCURACY_BY_BATCH, subtitle(accuracyByBatch(results), results));
        }
        charts.put(Kind.PHASES, subtitle(phases(results), results));
        charts.put(Kind.LOSS, subtitle(loss(results), results));
        return charts;
    }

    /** Speedup against P × T with the ideal line: what the Studies tab shows as cells finish. */
    public static JFreeChart speedup(StudyResults results) {
        return subtitle(scaling(results, "Speedup against workers", "speedup (×)", true), results);
    }

    /** Efficiency against P × T. */
    public static JFreeChart efficiency(StudyResults results) {
        return subtitle(scaling(results, "Efficiency against workers", "efficiency (%)", false), results);
    }

    /** Speedup (or efficiency) of every measured point at its cores, P × T, a line per strategy. */
    static JFreeChart scaling(StudyResults results, String title, String axis, boolean speedup) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> byStrategy = new LinkedHashMap<>();
        int maxCores = 1;
        for (StudyResults.Row row : results.rows()) {
            double value = row.baseline() ? 1.0 : speedup ? row.speedup().median() : row.efficiency().median();
            if (Double.isNaN(value) || row.measuredRuns() == 0) {
                continue;
            }
            String name = row.config().parallelism().strategy() + (row.oversubscribed() ? " " + OVERSUBSCRIBED : "");
            XYSeries series = byStrategy.computeIfAbsent(name, n -> new XYSeries(n, true, true));
            int cores = row.config().cores();
            series.addOrUpdate(cores, speedup ? value : 100 * value);
            maxCores = Math.max(maxCores, cores);
        }
        List<XYSeries> predicted = predictedCurves(results, speedup);
        for (XYSeries curve : predicted) {
            maxCores = Math.max(maxCores, (int) curve.getMaxX());
        }
        XYSeries ideal = new XYSeries("ideal", true, true);
        ideal.add(1, speedup ? 1 : 100);
        ideal.add(maxCores, speedup ? maxCores : 100);
        data.addSeries(ideal);
        byStrategy.values().forEach(data::addSeries);
        predicted.forEach(data::addSeries);
        NumberAxis workers = new NumberAxis("cores (P × T)");
        workers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        workers.setAutoRangeIncludesZero(false);
        NumberAxis values = new NumberAxis(axis);
        values.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, workers, values, renderer);
        JFreeChart chart = chart(title, plot);
        renderer.setSeriesPaint(0, ChartPalette.IDEAL);
        renderer.setSeriesStroke(0, ChartPalette.DASHED);
        renderer.setSeriesShapesVisible(0, false);
        List<String> curves = new ArrayList<>();
        for (int i = 1; i < data.getSeriesCount(); i++) {
            String key = (String) data.getSeriesKey(i);
            String curve = key.contains(" (") ? key.substring(0, key.indexOf(" (")) : key;
            if (!curves.contains(curve)) {
                curves.add(curve);
            }
            renderer.setSeriesPaint(i, ChartPalette.run(curves.indexOf(curve)));
            renderer.setSeriesStroke(i, key.endsWith(OVERSUBSCRIBED) || key.endsWith(BEYOND)
                    ? ChartPalette.DASHED : ChartPalette.SOLID);
            renderer.setSeriesShapesVisible(i, !key.endsWith(PREDICTED));
        }
        results.predictor().filter(p -> !predicted.isEmpty())
                .ifPresent(predictor -> plot.addDomainMarker(ChartTheme.machineMarker(predictor.coresHere())));
        return chart;
    }

    /**
     * The predicted speedup (or efficiency) against cores, a curve per strategy (and threads per rank), from the
     * predicted serial point: drawn solid up to this machine's cores and dashed beyond, the dashed part starting
     * where the solid one ends so that the curve is unbroken.
     */
    private static List<XYSeries> predictedCurves(StudyResults results, boolean speedup) {
        Map<String, XYSeries> here = new LinkedHashMap<>();
        Map<String, XYSeries> beyond = new LinkedHashMap<>();
        int coresHere = results.predictor().map(StudyPredictor::coresHere).orElse(Integer.MAX_VALUE);
        for (StudyResults.Predicted point : results.predictions()) {
            if (point.config().parallelism().strategy() == Strategy.SERIAL
                    || !point.beyondThisMachine() && point.config().cores() > coresHere) {
                continue; // the baseline starts every curve; an oversubscribed run as it ran here is in the table
            }
            String curve = curveName(point.config());
            double value = speedup ? point.point().speedup() : 100 * point.point().efficiency();
            XYSeries within = here.computeIfAbsent(curve, name -> {
                XYSeries series = new XYSeries(name + " " + PREDICTED, true, true);
                series.add(1, speedup ? 1 : 100);
                return series;
            });
            if (point.beyondThisMachine()) {
                beyond.computeIfAbsent(curve, name -> new XYSeries(name + " " + BEYOND, true, true))
                        .addOrUpdate(point.config().cores(), value);
            } else {
                within.addOrUpdate(point.config().cores(), value);
            }
        }
        beyond.forEach((curve, series) -> {
            XYSeries within = here.get(curve);
            series.addOrUpdate(within.getX(within.getItemCount() - 1), within.getY(within.getItemCount() - 1));
        });
        List<XYSeries> curves = new ArrayList<>(here.values());
        curves.addAll(beyond.values());
        return curves;
    }

    /** The strategy, and for ranks with several threads each their count: "hybrid 4T". */
    private static String curveName(TrainingConfig config) {
        var parallelism = config.parallelism();
        return parallelism.strategy() + (parallelism.strategy().usesProcesses() && parallelism.threads() > 1
                ? " " + parallelism.threads() + "T" : "");
    }

    static JFreeChart accuracy(StudyResults results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (StudyResults.Row row : results.rows()) {
            double accuracy = row.testAccuracy().median();
            if (!Double.isNaN(accuracy)) {
                data.addValue(100 * accuracy, "test accuracy", label(row));
            }
        }
        BarRenderer renderer = new BarRenderer();
        JFreeChart chart = chart("Test accuracy per configuration", categoryPlot(data, "test accuracy (%)", renderer));
        renderer.setSeriesPaint(0, ChartPalette.run(0));
        return chart;
    }

    static JFreeChart accuracyByBatch(StudyResults results) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> byStrategy = new LinkedHashMap<>();
        for (StudyResults.Row row : results.rows()) {
            double accuracy = row.testAccuracy().median();
            if (Double.isNaN(accuracy)) {
                continue;
            }
            String name = row.config().parallelism().strategy() + " " + row.config().parallelism().processes() + "×"
                    + row.config().parallelism().threads();
            byStrategy.computeIfAbsent(name, n -> new XYSeries(n, true, true))
                    .addOrUpdate(row.config().schedule().batchSize(), 100 * accuracy);
        }
        byStrategy.values().forEach(data::addSeries);
        NumberAxis batch = new NumberAxis("batch size");
        batch.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        JFreeChart chart = chart("Test accuracy against batch size", new XYPlot(data, batch,
                new NumberAxis("test accuracy (%)"), renderer));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartPalette.run(i));
        }
        return chart;
    }

    /** Seconds per phase in the median warm epoch of each point's first finished run, averaged over its workers. */
    static JFreeChart phases(StudyResults results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (StudyResults.Row row : results.rows()) {
            row.repeats().stream().filter(StudyResults.CellFigures::measured).findFirst().ifPresent(figures -> {
                List<EpochCompleted> epochs = figures.record().events().stream()
                        .filter(EpochCompleted.class::isInstance).map(EpochCompleted.class::cast).toList();
                if (epochs.isEmpty()) {
                    return;
                }
                EpochCompleted epoch = Throughput.medianEpoch(epochs);
                for (Phase phase : Phase.values()) {
                    double seconds = epoch.phases().stream().mapToDouble(w -> w.seconds().getOrDefault(phase, 0.0))
                            .average().orElse(0);
                    data.addValue(seconds, phase.toString(), label(row));
                }
            });
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        JFreeChart chart = chart("Time per phase (median epoch, mean of workers)", categoryPlot(data, "seconds", renderer));
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ChartPalette.phase(data.getRowKey(i).toString()));
        }
        return chart;
    }

    /** Training loss of every point's first finished run, step by step, against epochs. */
    static JFreeChart loss(StudyResults results) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (StudyResults.Row row : results.rows()) {
            row.repeats().stream().filter(StudyResults.CellFigures::measured).findFirst().ifPresent(figures -> {
                List<StepCompleted> steps = figures.record().events().stream()
                        .filter(StepCompleted.class::isInstance).map(StepCompleted.class::cast).toList();
                Map<Integer, Integer> stepsPerEpoch = new LinkedHashMap<>();
                steps.forEach(step -> stepsPerEpoch.merge(step.epoch(), step.step(), Math::max));
                XYSeries series = new XYSeries(label(row), false, true);
                for (StepCompleted step : steps) {
                    series.add(step.epoch() - 1 + (double) step.step() / stepsPerEpoch.get(step.epoch()), step.loss());
                }
                data.addSeries(series);
            });
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        NumberAxis epochs = new NumberAxis("epoch");
        NumberAxis loss = new NumberAxis("training loss");
        loss.setAutoRangeIncludesZero(false);
        JFreeChart chart = chart("Training loss of every configuration", new XYPlot(data, epochs, loss, renderer));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartPalette.run(i));
            renderer.setSeriesStroke(i, ChartPalette.SOLID);
        }
        return chart;
    }

    private static boolean batchVaries(StudyResults results) {
        return results.rows().stream().filter(row -> !row.baseline())
                .mapToInt(row -> row.config().schedule().batchSize()).distinct().count() > 1;
    }

    private static String label(StudyResults.Row row) {
        return row.label() + (row.oversubscribed() && row.measuredRuns() > 0 ? " *" : "");
    }

    private static CategoryPlot categoryPlot(DefaultCategoryDataset data, String axis, BarRenderer renderer) {
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        categories.setMaximumCategoryLabelLines(2);
        return new CategoryPlot(data, categories, new NumberAxis(axis), renderer);
    }

    /** The chart in the workbench's look; series colours are set after it, since the theme resets them. */
    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartTheme.apply(chart);
        return chart;
    }

    /** The study's name, and the substitution or oversubscription a reader must know, under every title. */
    private static JFreeChart subtitle(JFreeChart chart, StudyResults results) {
        StringBuilder text = new StringBuilder(results.study().name());
        if (results.study().substitution() != null) {
            text.append(" — ").append(results.study().substitution());
        }
        if (results.rows().stream().anyMatch(row -> row.oversubscribed() && row.measuredRuns() > 0)) {
            text.append(" — * oversubscribed: more threads than cores, timings cannot show the speedup");
        }
        results.predictor().filter(p -> !results.predictions().isEmpty()).ifPresent(predictor -> text.append(
                " — predicted: the scaling model calibrated on this machine; beyond its ").append(predictor.coresHere())
                .append(" cores (dashed) on ").append(predictor.beyond()));
        TextTitle subtitle = new TextTitle(text.toString());
        subtitle.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        subtitle.setPaint(ChartPalette.TEXT);
        subtitle.setMaximumLinesToDisplay(3);
        chart.addSubtitle(subtitle);
        return chart;
    }
}
