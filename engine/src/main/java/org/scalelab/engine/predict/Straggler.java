package org.scalelab.engine.predict;

/**
 * The wait for the slowest worker. Workers that meet at a collective after every step all wait for the slowest
 * of them; when each step's compute time varies with standard deviation σ around its mean, the slowest of W
 * independent workers is late by σ·E[max of W standard normals] on average: 0 for one worker, 0.56σ for two,
 * 1.03σ for four, 1.42σ for eight.
 */
public final class Straggler {
    private static final double LOW = -8;
    private static final double HIGH = 8;
    private static final int INTERVALS = 4000;

    private Straggler() {
    }

    /**
     * E[max of n independent standard normal draws] = ∫ x·n·φ(x)·Φ(x)^(n−1) dx, by the trapezium rule on [−8, 8],
     * Φ accumulated on the same grid.
     */
    public static double expectedMaxOfNormals(int n) {
        if (n <= 1) {
            return 0;
        }
        double h = (HIGH - LOW) / INTERVALS;
        double cdf = 0;
        double previousDensity = density(LOW);
        double previousTerm = 0;
        double integral = 0;
        for (int i = 1; i <= INTERVALS; i++) {
            double x = LOW + i * h;
            double density = density(x);
            cdf += (previousDensity + density) / 2 * h;
            double term = x * n * density * Math.pow(Math.min(1, cdf), n - 1);
            integral += (previousTerm + term) / 2 * h;
            previousDensity = density;
            previousTerm = term;
        }
        return integral;
    }

    /**
     * Seconds a worker waits per step for the slowest of {@code workers}, whose compute per step has standard
     * deviation {@code sigma}, when they meet every {@code stepsBetweenMeetings} steps (the deviation of a sum of
     * k steps is σ√k, spread over k steps).
     */
    public static double waitSeconds(int workers, double sigma, double stepsBetweenMeetings) {
        double k = Math.max(1, stepsBetweenMeetings);
        return sigma * expectedMaxOfNormals(workers) / Math.sqrt(k);
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }
}
