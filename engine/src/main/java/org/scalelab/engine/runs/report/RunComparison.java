package org.scalelab.engine.runs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.speedup.Baseline;

/**
 * Saved runs overlaid on one book of charts, each charted from its events and measured against its baseline: the
 * workbench's comparison and {@code runs export} draw them alike.
 */
public final class RunComparison {
    private RunComparison() {
    }

    /**
     * Adds each run to {@code charts}, in order, lettered A, B, C…
     *
     * @return each run's charting, to measure it against another baseline later
     */
    public static List<RunCharting> chart(ChartBook charts, List<RunRecord> runs,
                                          Function<RunRecord, Optional<Baseline>> baselineOf) {
        List<RunCharting> chartings = new ArrayList<>();
        charts.update(() -> {
            for (RunRecord run : runs) {
                RunCharting charting = new RunCharting(charts.addRun(label(run)));
                run.events().forEach(charting::accept);
                charting.measureAgainst(baselineOf.apply(run));
                chartings.add(charting);
            }
        });
        return chartings;
    }

    /** The run's own name when the user gave it one, else its parallel configuration; its letter tells runs apart. */
    public static String label(RunRecord run) {
        return run.name().equals(run.runId()) ? run.config().parallelism().label() : run.name();
    }
}
