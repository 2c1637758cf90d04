package org.scalelab.engine.predict;

import java.util.Comparator;
import java.util.List;

/**
 * What a calibrated transport's messages took beyond Hockney's line α + nβ, by message size: the calibration's
 * sweep measured each size, and no one line goes through all of them. niodev over loopback sent cnn-1m's 2.1 MB
 * ring messages at 2.2 ns a byte and mlp-235k's 470 KB ones at 1.6, while its small messages set α (2026-12-06, AMD
 * EPYC): the relative fit then predicted cnn-1m's allreduce at 3.5 ms where it took 7 to 10. As PLogP does (Kielmann
 * et al., 2000: a message's costs as functions of its size, measured at sizes and interpolated), the excess is
 * interpolated linearly between the measured sizes, so a prediction at a measured size is what was measured.
 *
 * @param points each measured message size (floats, ascending) with its excess (seconds per message, either sign)
 */
public record MessageExcess(List<Point> points) {
    /** No excess: a line of its own (a network preset, a measured host link). */
    public static final MessageExcess NONE = new MessageExcess(List.of());

    /** One measured message size and its time beyond the line. */
    public record Point(double floats, double seconds) {
    }

    public MessageExcess {
        points = points.stream().sorted(Comparator.comparingDouble(Point::floats)).toList();
    }

    /**
     * The excess of one message of {@code floats}: interpolated between the measured sizes, the smallest's below them
     * (a per-message cost, as α is), and the largest's per float above them (the marginal rate of the largest message
     * measured).
     */
    public double seconds(double floats) {
        if (points.isEmpty()) {
            return 0;
        }
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        if (floats <= first.floats()) {
            return first.seconds();
        }
        if (floats >= last.floats()) {
            return last.seconds() * floats / last.floats();
        }
        int upper = 1;
        while (points.get(upper).floats() < floats) {
            upper++;
        }
        Point below = points.get(upper - 1);
        Point above = points.get(upper);
        double share = (floats - below.floats()) / (above.floats() - below.floats());
        return below.seconds() + share * (above.seconds() - below.seconds());
    }

    /** Every excess {@code factor} times as long (a time-shared host). */
    public MessageExcess scaled(double factor) {
        return new MessageExcess(points.stream().map(p -> new Point(p.floats(), p.seconds() * factor)).toList());
    }
}
