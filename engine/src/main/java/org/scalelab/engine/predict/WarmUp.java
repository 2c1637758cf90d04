package org.scalelab.engine.predict;

/**
 * How long a measured configuration trains before it is timed. The model predicts a warm step, and a rank's new JVM
 * reaches its steady speed only after seconds of training, its JIT compilers sharing the cores with the ranks: two
 * ranks of {@code mlp-235k} trained 11,000 images/s in their second epoch, 24,000 in their fifth and 42,000–70,000
 * from their tenth (epochs of 0.2–0.7 s); those of {@code cnn-1m} reached their steady speed after about 8 epochs of
 * 1 s (docs/PERFORMANCE.md). Calibration and validation warm up alike, so the slowdown of one worker of each strategy
 * and the runs checked against it are both steady.
 */
final class WarmUp {
    /** Warm-up this long, by the serial estimate of the epochs. */
    static final double SECONDS = 8;
    /** Short epochs warm up in at most this many: each ends with an evaluation, which is not training. */
    static final int MOST_EPOCHS = 50;

    private WarmUp() {
    }

    /** Epochs that last about {@value #SECONDS} s when one lasts {@code epochSeconds}: at least one, at most {@value #MOST_EPOCHS}. */
    static int epochs(double epochSeconds) {
        return (int) Math.min(MOST_EPOCHS, Math.max(1, Math.ceil(SECONDS / epochSeconds)));
    }
}
