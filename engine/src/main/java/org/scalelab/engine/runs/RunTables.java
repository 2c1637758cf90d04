package org.scalelab.engine.runs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.ReportTable.Cell;
import org.scalelab.engine.report.ReportTable.Column;
import org.scalelab.engine.report.ReportTable.Unit;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Baselines;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * Saved runs as tables, in any {@link org.scalelab.engine.report.TableFormat}: the listing of a runs folder, and
 * the comparison of chosen runs against their serial baselines. Speedups come from {@link Baselines}, the one place
 * that decides which serial run a run is measured against.
 */
public final class RunTables {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private static final List<Column> LISTING = List.of(
            new Column("Id", "run_id", Unit.TEXT),
            new Column("Started", "started", Unit.TEXT),
            new Column("State", "state", Unit.TEXT),
            new Column("Name", "name", Unit.TEXT),
            new Column("Strategy", "strategy", Unit.TEXT),
            new Column("P×T", "shape", Unit.TEXT),
            new Column("Images/s", "images_per_second", Unit.RATE),
            new Column("Test accuracy", "test_accuracy", Unit.PERCENT),
            new Column("Speedup", "speedup", Unit.TIMES),
            new Column("Tags", "tags", Unit.TEXT));

    private static final List<Column> COMPARISON = List.of(
            new Column("Run", "run", Unit.TEXT),
            new Column("Configuration", "configuration", Unit.TEXT),
            new Column("Train time", "train_seconds", Unit.SECONDS),
            new Column("Images/s", "images_per_second", Unit.RATE),
            new Column("Speedup", "speedup", Unit.TIMES),
            new Column("Efficiency", "efficiency", Unit.PERCENT),
            new Column("Test accuracy", "test_accuracy", Unit.PERCENT),
            new Column("Baseline", "baseline", Unit.TEXT));

    private RunTables() {
    }

    /** One row per run, in the order given: where it stands, what it was, how fast and how accurate. */
    public static ReportTable listing(List<RunRecord> runs, Baselines baselines) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RunRecord run : runs) {
            var parallelism = run.config().parallelism();
            rows.add(List.of(Cell.text(run.runId()), Cell.text(started(run)), Cell.text(run.status().toString()),
                    Cell.text(run.name()), Cell.text(parallelism.strategy().toString()), Cell.text(parallelism.shape()),
                    Cell.number(Throughput.of(run).imagesPerSecond()), Cell.number(run.summary().testAccuracy()),
                    Cell.number(baselines.speedupOf(run).map(Speedup::value).orElse(Double.NaN)),
                    Cell.text(String.join(", ", run.tags()))));
        }
        return new ReportTable("Runs", LISTING, rows);
    }

    /**
     * The runs side by side with their speedup and efficiency over the closest eligible serial run, which each row
     * names; a serial run, or one no saved serial run can serve, has none.
     */
    public static ReportTable comparison(List<RunRecord> runs, Baselines baselines) {
        return comparison(runs, run -> baselines.eligibleFor(run).stream().findFirst());
    }

    /** The same, each run measured against the baseline chosen for it (the workbench lets the user choose). */
    public static ReportTable comparison(List<RunRecord> runs, Function<RunRecord, Optional<Baseline>> baselineOf) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RunRecord run : runs) {
            Optional<Baseline> baseline = baselineOf.apply(run);
            double imagesPerSecond = Throughput.of(run).imagesPerSecond();
            Optional<Speedup> speedup = baseline.map(chosen -> chosen.speedupOf(imagesPerSecond, run.config().cores()));
            rows.add(List.of(Cell.text(run.name()), Cell.text(run.config().parallelism().label()),
                    Cell.number(run.summary().trainSeconds()), Cell.number(imagesPerSecond),
                    Cell.number(speedup.map(Speedup::value).orElse(Double.NaN)),
                    Cell.number(speedup.map(Speedup::efficiency).orElse(Double.NaN)),
                    Cell.number(run.summary().testAccuracy()),
                    Cell.text(baseline.map(RunTables::describe).orElse("—"))));
        }
        return new ReportTable("Scaling", COMPARISON, rows);
    }

    /** "serial-baseline · 2026-12-04 16:38 · 1,409 img/s", and "· calibration" for a short calibration run. */
    public static String describe(Baseline baseline) {
        String when = baseline.startedAt() == null ? "time unknown" : minute(baseline.startedAt());
        return String.format(java.util.Locale.ROOT, "%s · %s · %,.0f img/s%s", baseline.name(), when,
                baseline.imagesPerSecond(), baseline.calibration() ? " · calibration" : "");
    }

    /** "2026-12-04 16:38", in this machine's time zone. */
    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    private static String started(RunRecord run) {
        Instant started = run.startedAt();
        return started == null ? "" : minute(started);
    }
}
