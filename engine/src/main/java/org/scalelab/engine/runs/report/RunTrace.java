package org.scalelab.engine.runs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.scalelab.engine.report.ChartPalette;

/**
 * One run's series in a {@link ChartBook}. Points added here show on the next redraw of the book's charts;
 * call them inside {@link ChartBook#update} so that a batch of points costs one redraw.
 */
public final class RunTrace {
    /** Weight of the past in the exponential smoothing of the noisy per-step training loss. */
    private static final double SMOOTHING = 0.9;

    private final String label;
    private final String code;
    private final XYSeries trainLoss;
    private final DecimatedSeries decimatedTrainLoss;
    private final XYSeries testLoss;
    private final XYSeries trainAccuracy;
    private final XYSeries testAccuracy;
    private final XYSeries throughput;
    private final XYSeries speedup;
    private final DefaultCategoryDataset phasesPerWorker;
    private final DefaultCategoryDataset phasesOverTime;
    private final ChartBook book;
    /** Each epoch's phase seconds, summed over workers, from which the over-time bars are drawn. */
    private final List<Map<String, Double>> epochTotals = new ArrayList<>();
    /** Each epoch's phase seconds per worker, kept to take an epoch back off the per-worker totals. */
    private final List<List<Map<String, Double>>> epochWorkers = new ArrayList<>();
    private final List<String> overTimeColumns = new ArrayList<>();
    private double smoothedLoss;
    private double smoothingWeight;

    RunTrace(String label, String code, ChartBook book, DefaultCategoryDataset phasesPerWorker,
             DefaultCategoryDataset phasesOverTime) {
        this.label = label;
        this.code = code;
        this.book = book;
        this.trainLoss = series("train");
        this.decimatedTrainLoss = new DecimatedSeries(trainLoss);
        this.testLoss = series("test");
        this.trainAccuracy = series("train");
        this.testAccuracy = series("test");
        this.throughput = series("images/s");
        this.speedup = series("measured");
        this.phasesPerWorker = phasesPerWorker;
        this.phasesOverTime = phasesOverTime;
    }

    public String label() {
        return label;
    }

    /**
     * A training step's loss at a fractional epoch position (epoch − 1 + step / stepsPerEpoch), smoothed
     * with a bias-corrected moving average so the first points are not pulled towards zero, and decimated so that
     * long runs stay quick to draw.
     */
    public void stepLoss(double epochPosition, double loss) {
        smoothedLoss = SMOOTHING * smoothedLoss + (1 - SMOOTHING) * loss;
        smoothingWeight = SMOOTHING * smoothingWeight + (1 - SMOOTHING);
        decimatedTrainLoss.add(epochPosition, smoothedLoss / smoothingWeight);
    }

    public void testLoss(int epoch, double loss) {
        testLoss.add(epoch, loss);
    }

    /** Accuracies in percent; either may be NaN when the run did not measure it. */
    public void accuracy(int epoch, double trainPercent, double testPercent) {
        addIfMeasured(trainAccuracy, epoch, trainPercent);
        addIfMeasured(testAccuracy, epoch, testPercent);
    }

    public void throughput(int epoch, double imagesPerSecond) {
        throughput.add(epoch, imagesPerSecond);
    }

    /**
     * This run's speedup over its serial baseline; replaces any earlier estimate.
     *
     * @param calibration the baseline is a short calibration run, which the legend says
     */
    public void speedup(int workers, double value, boolean calibration) {
        speedup.setKey(seriesName(calibration ? "measured vs calibration" : "measured"));
        speedup.clear();
        speedup.add(workers, value);
        book.extendIdealLine(workers);
    }

    /** Takes this run's speedup back off the chart: it has no baseline to be measured against now. */
    public void noSpeedup() {
        speedup.clear();
    }

    /**
     * The seconds each worker spent in each phase during one epoch (epochs come in order from 1): adds them to
     * the per-worker totals and to the over-time bars (summed over workers).
     *
     * @param secondsPerWorker one map per worker, from phase display name to seconds
     */
    public void phases(int epoch, List<Map<String, Double>> secondsPerWorker) {
        Map<String, Double> total = new LinkedHashMap<>();
        for (int worker = 0; worker < secondsPerWorker.size(); worker++) {
            for (Map.Entry<String, Double> phase : secondsPerWorker.get(worker).entrySet()) {
                add(phasesPerWorker, phase.getKey(), column("w" + worker), phase.getValue());
                total.merge(phase.getKey(), phase.getValue(), Double::sum);
            }
        }
        epochTotals.add(total);
        epochWorkers.add(List.copyOf(secondsPerWorker));
        redrawOverTime();
        book.colourPhases();
    }

    /**
     * One bar per range of epochs, at most {@value EpochRanges#MAX_BARS}, each the mean epoch of its range, so a
     * 100-epoch run stays readable and a short last range is not drawn smaller than the others.
     */
    private void redrawOverTime() {
        overTimeColumns.forEach(phasesOverTime::removeColumn);
        overTimeColumns.clear();
        int perBar = EpochRanges.epochsPerBar(epochTotals.size());
        for (int first = 0; first < epochTotals.size(); first += perBar) {
            List<Map<String, Double>> range = epochTotals.subList(first, Math.min(epochTotals.size(), first + perBar));
            String name = column(EpochRanges.label(first + 1, first + range.size()));
            Map<String, Double> sum = new LinkedHashMap<>();
            range.forEach(epoch -> epoch.forEach((phase, seconds) -> sum.merge(phase, seconds, Double::sum)));
            sum.forEach((phase, seconds) -> phasesOverTime.setValue(seconds / range.size(), phase, name));
            overTimeColumns.add(name);
        }
    }

    /**
     * Marks on the time axis of the loss, accuracy and throughput charts where ranks failed ({@code failure}) or
     * where the run went on from a checkpoint; the label carries the run's letter where runs are compared. A
     * failure's label stands to the left of its line, which live is the right edge of the plot; a restart's, to
     * the right of its own, which stands back at its checkpoint.
     *
     * @param epochPosition on the charts' epoch axis, as {@link #stepLoss} places steps
     */
    public void timelineMarker(double epochPosition, String label, boolean failure) {
        book.timelineMarker(epochPosition, label.isEmpty() || this.label.isEmpty() ? label : code + " · " + label,
                failure ? ChartPalette.FAILURE : ChartPalette.RESTART, failure);
    }

    /**
     * Takes the points after {@code epochPosition} off every chart of steps and epochs: a run that goes on from a
     * checkpoint trains them again, and its new points replace them rather than draw the line back over them.
     */
    public void dropAfter(double epochPosition) {
        decimatedTrainLoss.dropAfter(epochPosition);
        for (XYSeries series : List.of(testLoss, trainAccuracy, testAccuracy, throughput)) {
            while (!series.isEmpty() && series.getX(series.getItemCount() - 1).doubleValue() > epochPosition) {
                series.remove(series.getItemCount() - 1);
            }
        }
        if (epochTotals.size() > epochPosition) {
            while (epochTotals.size() > epochPosition) {
                List<Map<String, Double>> workers = epochWorkers.remove(epochWorkers.size() - 1);
                for (int worker = 0; worker < workers.size(); worker++) {
                    for (Map.Entry<String, Double> phase : workers.get(worker).entrySet()) {
                        add(phasesPerWorker, phase.getKey(), column("w" + worker), -phase.getValue());
                    }
                }
                epochTotals.remove(epochTotals.size() - 1);
            }
            redrawOverTime();
        }
    }

    /** Holds back or resumes this run's change events (see {@link ChartBook#update}). */
    void notifyListeners(boolean notify) {
        if (notify) {
            decimatedTrainLoss.publish();
        }
        for (XYSeries series : List.of(trainLoss, testLoss, trainAccuracy, testAccuracy, throughput, speedup)) {
            series.setNotify(notify);
        }
    }

    /** Number of points the training-loss series holds (for tests and the status line). */
    public int stepPoints() {
        return trainLoss.getItemCount();
    }

    public int epochPoints() {
        return testLoss.getItemCount();
    }

    XYSeries trainLoss() {
        return trainLoss;
    }

    XYSeries testLoss() {
        return testLoss;
    }

    XYSeries trainAccuracy() {
        return trainAccuracy;
    }

    XYSeries testAccuracy() {
        return testAccuracy;
    }

    XYSeries throughputSeries() {
        return throughput;
    }

    XYSeries speedupSeries() {
        return speedup;
    }

    private XYSeries series(String part) {
        return new XYSeries(seriesName(part), false, true);
    }

    private String seriesName(String part) {
        return label.isEmpty() ? part : code + " · " + label + " · " + part;
    }

    /** Bar labels carry only the run's letter: whole labels were cut off under the bars. */
    private String column(String name) {
        return label.isEmpty() ? name : code + " " + name;
    }

    private static void addIfMeasured(XYSeries series, int epoch, double value) {
        if (!Double.isNaN(value)) {
            series.add(epoch, value);
        }
    }

    private static void add(DefaultCategoryDataset dataset, String row, String column, double seconds) {
        Number before = dataset.getRowKeys().contains(row) && dataset.getColumnKeys().contains(column)
                ? dataset.getValue(row, column) : null;
        dataset.setValue(seconds + (before == null ? 0 : before.doubleValue()), row, column);
    }
}
