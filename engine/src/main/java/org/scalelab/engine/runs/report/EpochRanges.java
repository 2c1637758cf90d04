package org.scalelab.engine.runs.report;

/** How epochs are grouped into the bars of the over-time phase chart: few enough bars to read their labels. */
final class EpochRanges {
    static final int MAX_BARS = 20;

    private EpochRanges() {
    }

    /** Epochs per bar so that {@code epochs} epochs make at most {@value #MAX_BARS} bars. */
    static int epochsPerBar(int epochs) {
        return Math.max(1, (epochs + MAX_BARS - 1) / MAX_BARS);
    }

    /** "7" for one epoch, "1–5" for a range (numbers from 1, both ends included). */
    static String label(int first, int last) {
        return first == last ? String.valueOf(first) : first + "–" + last;
    }
}
