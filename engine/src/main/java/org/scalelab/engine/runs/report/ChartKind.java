package org.scalelab.engine.runs.report;

/** The charts of the workbench; each has one definition used on screen and in every export. */
public enum ChartKind {
    LOSS("Loss", "loss", "epoch", "loss"),
    ACCURACY("Accuracy", "accuracy", "epoch", "accuracy (%)", 100),
    THROUGHPUT("Throughput", "throughput", "epoch", "images / s"),
    SPEEDUP("Speedup vs serial", "speedup", "workers (processes × threads)", "speedup"),
    PHASES_PER_WORKER("Time per phase and worker", "phases-per-worker", "worker", "seconds"),
    PHASES_OVER_TIME("Time per phase and epoch", "phases-over-time", "epoch", "seconds per epoch (all workers)");

    private final String title;
    private final String fileName;
    private final String xLabel;
    private final String yLabel;
    private final double yCeiling;

    ChartKind(String title, String fileName, String xLabel, String yLabel) {
        this(title, fileName, xLabel, yLabel, Double.POSITIVE_INFINITY);
    }

    ChartKind(String title, String fileName, String xLabel, String yLabel, double yCeiling) {
        this.title = title;
        this.fileName = fileName;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.yCeiling = yCeiling;
    }

    public String title() {
        return title;
    }

    /** File name without extension, used by exports. */
    public String fileName() {
        return fileName;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    /** The largest value the chart's y can take (100 for a percentage); positive infinity for none. */
    public double yCeiling() {
        return yCeiling;
    }
}
