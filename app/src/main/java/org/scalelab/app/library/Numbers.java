package org.scalelab.app.library;

import java.util.Locale;
import java.util.Optional;
import org.scalelab.engine.runs.speedup.Baseline;

/** How the tables write numbers: fixed decimals with a dot (tables are exported to CSV and LaTeX), "–" for none. */
public final class Numbers {
    private Numbers() {
    }

    public static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
    }

    /** "1.85", or "1.85 (calibration)" when measured against a short calibration run. */
    public static String speedup(double value, Optional<Baseline> baseline) {
        return fixed(value, 2) + (baseline.map(Baseline::calibration).orElse(false) ? " (calibration)" : "");
    }

    /** A 0..1 fraction as "64.8 %". */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + " %" : "–";
    }
}
