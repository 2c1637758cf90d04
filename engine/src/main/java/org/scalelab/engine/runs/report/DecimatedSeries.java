package org.scalelab.engine.runs.report;

import org.jfree.data.xy.XYSeries;

/**
 * Keeps a per-step series at most {@value #MAX_POINTS} points long, however long the run: 100 epochs of 1,000
 * steps would otherwise make every redraw walk 100,000 points. Each shown point stands for a bucket of
 * consecutive steps and holds the bucket's latest step; when the buckets are full, neighbours merge in pairs
 * and each bucket takes twice as many steps from then on. The last point is always the latest step, so the
 * line ends where the run is. The values are already smoothed, so the latest of a bucket represents it fairly.
 * Points collect here and reach the chart's series once per batch ({@link #publish}): changing the series
 * point by point made it recompute its bounds over every point at each step.
 */
final class DecimatedSeries {
    static final int MAX_POINTS = 2000;

    private final XYSeries series;
    private final double[] xs = new double[MAX_POINTS];
    private final double[] ys = new double[MAX_POINTS];
    private int count;
    private int stepsPerBucket = 1;
    private int stepsInLastBucket;
    private boolean changed;

    DecimatedSeries(XYSeries series) {
        this.series = series;
    }

    void add(double x, double y) {
        if (stepsInLastBucket == 0 || stepsInLastBucket == stepsPerBucket) {
            if (count == MAX_POINTS) {
                mergeNeighbours();
            }
            count++;
            stepsInLastBucket = 0;
        }
        stepsInLastBucket++;
        xs[count - 1] = x;
        ys[count - 1] = y;
        changed = true;
        if (series.getNotify()) {
            publish(); // not inside a batch: show it now
        }
    }

    /** Takes back the points beyond {@code x}: steps that are trained again after a restart from a checkpoint. */
    void dropAfter(double x) {
        while (count > 0 && xs[count - 1] > x) {
            count--;
            changed = true;
        }
        stepsInLastBucket = 0; // the next step starts a bucket of its own
        if (series.getNotify()) {
            publish();
        }
    }

    /** Puts the points into the chart's series, if any changed since the last time; tells its listeners once. */
    void publish() {
        if (!changed) {
            return;
        }
        boolean notify = series.getNotify();
        series.setNotify(false);
        series.clear();
        for (int i = 0; i < count; i++) {
            series.add(xs[i], ys[i], false);
        }
        changed = false;
        series.setNotify(notify);
    }

    /** Halves the points, keeping the later of each pair, and doubles the steps a bucket takes. */
    private void mergeNeighbours() {
        for (int i = 1; i < count; i += 2) {
            xs[i / 2] = xs[i];
            ys[i / 2] = ys[i];
        }
        count /= 2;
        stepsPerBucket *= 2;
    }
}
