package org.scalelab.engine.runs.speedup;

/**
 * How many times faster than its serial baseline a run trained. Speedup is the ratio of throughputs, which under
 * strong scaling is the ratio of times, and under weak scaling (where the work grows with the workers) still says
 * how much more the machine got done per second.
 *
 * @param value throughput over the baseline's throughput; NaN when either is unknown
 * @param cores the cores the run put to work, P × T: each is one unit of ideal speedup
 */
public record Speedup(double value, int cores) {

    public static Speedup of(double imagesPerSecond, double baselineImagesPerSecond, int cores) {
        return new Speedup(imagesPerSecond / baselineImagesPerSecond, cores);
    }

    /** Speedup per core: 1 is perfect scaling. */
    public double efficiency() {
        return value / cores;
    }
}
