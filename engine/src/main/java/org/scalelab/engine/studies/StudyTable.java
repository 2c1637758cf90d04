package org.scalelab.engine.studies;

import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.report.ReportTable.Cell;
import org.scalelab.engine.report.ReportTable.Column;
import org.scalelab.engine.report.ReportTable.Unit;
import org.scalelab.engine.report.ReportTable;

/** A study's results table: one row per point of the grid in worker order, each figure's median and range over the repeats. */
public final class StudyTable {
    private static final List<Column> COLUMNS = List.of(
            new Column("Configuration", "configuration", Unit.TEXT),
            new Column("Strategy", "strategy", Unit.TEXT),
            new Column("P×T", "cores", Unit.TEXT),
            new Column("Global batch", "global_batch", Unit.INTEGER),
            new Column("Runs", "runs", Unit.INTEGER),
            new Column("Train time", "train_seconds", Unit.SECONDS),
            new Column("Images/s", "images_per_second", Unit.RATE),
            new Column("Speedup", "speedup", Unit.TIMES),
            new Column("Efficiency", "efficiency", Unit.PERCENT),
            new Column("Test accuracy", "test_accuracy", Unit.PERCENT),
            new Column("Test loss", "test_loss", Unit.DECIMAL),
            new Column("Note", "note", Unit.TEXT));

    private StudyTable() {
    }

    public static ReportTable of(StudyResults results) {
        List<List<Cell>> rows = new ArrayList<>();
        for (StudyResults.Row row : results.rows()) {
            var parallelism = row.config().parallelism();
            rows.add(List.of(
                    Cell.text(row.label()),
                    Cell.text(parallelism.strategy().toString()),
                    Cell.text(parallelism.processes() + "×" + parallelism.threads()),
                    Cell.number(row.config().globalBatchSize()),
                    Cell.number(row.measuredRuns()),
                    spread(row.trainSeconds()),
                    spread(row.imagesPerSecond()),
                    row.baseline() ? Cell.number(1.0) : spread(row.speedup()),
                    row.baseline() ? Cell.number(1.0) : spread(row.efficiency()),
                    spread(row.testAccuracy()),
                    spread(row.testLoss()),
                    Cell.text(note(row))));
        }
        return new ReportTable(results.study().name(), COLUMNS, rows);
    }

    private static Cell spread(StudyResults.Spread spread) {
        return Cell.number(spread.median(), spread.min(), spread.max());
    }

    /** What a reader must know to trust the row: the baseline, oversubscription, runs that did not finish. */
    private static String note(StudyResults.Row row) {
        List<String> notes = new ArrayList<>();
        if (row.baseline()) {
            notes.add("baseline");
        }
        if (row.oversubscribed() && row.measuredRuns() > 0) {
            notes.add("oversubscribed: more threads than cores");
        }
        long unfinished = row.repeats().size() - row.measuredRuns();
        if (unfinished > 0) {
            StudyRecord.Cell example = row.repeats().stream().map(StudyResults.CellFigures::cell)
                    .filter(cell -> cell.status() != CellStatus.FINISHED).findFirst().orElseThrow();
            notes.add(unfinished + " " + example.status() + (example.message() != null ? ": " + example.message() : ""));
        }
        return String.join("; ", notes);
    }
}
