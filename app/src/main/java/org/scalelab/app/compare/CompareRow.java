package org.scalelab.app.compare;

import java.util.List;
import java.util.Optional;
import org.scalelab.app.baseline.BaselineChoice;
import org.scalelab.app.library.Numbers;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.report.RunComparison;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;

/** One compared run as the scaling table shows it: its speedup and efficiency against the baseline chosen for it. */
public final class CompareRow {
    static final List<String> HEADERS = List.of("Configuration", "Time (s)", "Speedup", "Efficiency", "Test accuracy",
            "Baseline");
    /** Where the table shows the baseline's chooser and exports its name. */
    static final int BASELINE_COLUMN = HEADERS.indexOf("Baseline");

    private final String code;
    private final RunRecord record;
    private final double imagesPerSecond;
    private final BaselineChoice baseline = new BaselineChoice();

    /** @param code the run's letter in the charts */
    CompareRow(String code, RunRecord record) {
        this.code = code;
        this.record = record;
        this.imagesPerSecond = Throughput.of(record).imagesPerSecond();
    }

    public RunRecord record() {
        return record;
    }

    /** The baselines this run may be measured against and the one it is. */
    public BaselineChoice baseline() {
        return baseline;
    }

    /** Against the chosen baseline; none for a serial run or one without a baseline. */
    public Optional<Speedup> speedup() {
        return baseline.chosen().map(serial -> serial.speedupOf(imagesPerSecond, record.config().cores()));
    }

    /** One text per header, as the table shows and exports them. */
    public List<String> cells() {
        double speedup = speedup().map(Speedup::value).orElse(Double.NaN);
        double efficiency = speedup().map(Speedup::efficiency).orElse(Double.NaN);
        return List.of(code + " · " + RunComparison.label(record), Numbers.fixed(record.summary().trainSeconds(), 1),
                Numbers.speedup(speedup, baseline.chosen()), Numbers.percent(efficiency),
                Numbers.percent(record.summary().testAccuracy()),
                baseline.chosen().map(BaselineChoice::describe).orElse("–"));
    }
}
