package org.scalelab.engine.predict;

/**
 * A straight line {@code y = intercept + slope·x} fitted by least squares: how a layer's time grows with the batch
 * (a fixed cost per call plus a cost per image).
 */
public record LinearFit(double intercept, double slope) {

    /** The least-squares line through the points; one point (or one distinct x) gives a line through the origin. */
    public static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("a fit needs as many y as x, at least one: " + x.length + " and " + y.length);
        }
        double meanX = mean(x);
        double meanY = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            return new LinearFit(0, meanX == 0 ? 0 : meanY / meanX);
        }
        double slope = sxy / sxx;
        return new LinearFit(meanY - slope * meanX, slope);
    }

    public double at(double x) {
        return intercept + slope * x;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
