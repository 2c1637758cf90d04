package org.scalelab.app.library;

/**
 * The serial throughput a run's speedup is measured against.
 *
 * @param imagesPerSecond training images per second of the serial run
 * @param calibration     true when it comes from a short step-limited run rather than a full serial run, which
 *                        charts and tables say, since a few dozen steps measure less steadily than whole epochs
 */
public record Baseline(double imagesPerSecond, boolean calibration) {
}
