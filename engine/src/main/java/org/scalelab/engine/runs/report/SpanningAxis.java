package org.scalelab.engine.runs.report;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;

/**
 * A number axis that never shrinks to a point. JFreeChart fits the range to the data, so one point or a flat
 * series gave a range of 10⁻⁸ and ticks read "1.161534E4" ten times over; this one spans at least a fifth of the
 * value either side of it (±0.5 around zero), where the ticks fall on round numbers. Nor does it pass a ceiling the
 * values cannot pass (an accuracy's 100 %): the range slides below it, keeping its length.
 */
final class SpanningAxis extends NumberAxis {
    /** The least span, as a share of the value the data sits at. */
    static final double LEAST_SPAN = 0.4;

    private final double ceiling;

    /** @param ceiling the largest value the data can take; {@code Double.POSITIVE_INFINITY} for none */
    SpanningAxis(String label, double ceiling) {
        super(label);
        this.ceiling = ceiling;
    }

    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        Range range = getRange();
        double centre = range.getCentralValue();
        double least = centre == 0 ? 1 : Math.abs(centre) * LEAST_SPAN;
        if (range.getLength() < least) {
            double low = centre - least / 2;
            // A count or a time never goes below zero: start at zero rather than show negative ticks.
            setRange(new Range(centre >= 0 && low < 0 ? 0 : low, centre + least / 2), false, false);
        }
        if (getUpperBound() > ceiling) {
            setRange(new Range(ceiling - getRange().getLength(), ceiling), false, false);
        }
    }
}
