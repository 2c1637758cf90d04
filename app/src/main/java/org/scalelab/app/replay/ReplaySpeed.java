package org.scalelab.app.replay;

/** How fast a saved run plays back against the time it originally took. */
public enum ReplaySpeed {
    REAL_TIME("1×", 1),
    TEN_TIMES("10×", 10),
    FULL("full speed", Double.POSITIVE_INFINITY);

    private final String label;
    private final double factor;

    ReplaySpeed(String label, double factor) {
        this.label = label;
        this.factor = factor;
    }

    /** Recorded seconds played per second; infinite at full speed. */
    public double factor() {
        return factor;
    }

    @Override
    public String toString() {
        return label;
    }
}
