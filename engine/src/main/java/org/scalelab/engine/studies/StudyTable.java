package org.scalelab.engine.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scalelab.engine.report.ReportTable.Cell;
import org.scalelab.engine.report.ReportTable.Column;
import org.scalelab.engine.report.ReportTable.Unit;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.runs.HiddenCommunication;
import org.scalelab.engine.runs.PipelineBubble;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.StalenessHistogram;

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

    /** A figure there is none of: a dash, empty in CSV. */
    private static final Cell NONE = Cell.number(Double.NaN);

    /** With predictions: what the model predicted beside what was measured, then the configurations only predicted. */
    private static final List<Column> PREDICTED_COLUMNS = List.of(
            new Column("Predicted images/s", "predicted_images_per_second", Unit.RATE),
            new Column("Prediction error", "prediction_error", Unit.PERCENT),
            new Column("Predicted speedup", "predicted_speedup", Unit.TIMES));

    public static ReportTable of(StudyResults results) {
        boolean predicted = !results.predictions().isEmpty();
        List<Column> columns = new ArrayList<>(COLUMNS);
        if (predicted) {
            columns.addAll(columns.size() - 1, PREDICTED_COLUMNS);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (StudyResults.Row row : results.rows()) {
            List<Cell> cells = new ArrayList<>(measured(row));
            if (predicted) {
                Optional<StudyResults.Predicted> prediction = results.predictions().stream()
                        .filter(p -> p.measured() == row).findFirst();
                cells.addAll(cells.size() - 1, prediction.map(p -> List.of(Cell.number(p.point().imagesPerSecond()),
                        Cell.number(p.error()), Cell.number(p.point().speedup()))).orElse(List.of(NONE, NONE, NONE)));
            }
            rows.add(cells);
        }
        for (StudyResults.Predicted only : results.predictions()) {
            if (only.measured() == null) {
                rows.add(predictedOnly(only, results.predictor().orElseThrow()));
            }
        }
        return new ReportTable(results.study().name(), columns, rows);
    }

    /** A configuration the model predicted and nothing measured: its figures in the predicted columns only. */
    private static List<Cell> predictedOnly(StudyResults.Predicted only, StudyPredictor predictor) {
        var parallelism = only.config().parallelism();
        List<Cell> cells = new ArrayList<>(List.of(Cell.text(only.label() + " (predicted)"),
                Cell.text(parallelism.strategy().toString()), Cell.text(parallelism.processes() + "×" + parallelism.threads()),
                Cell.number(only.config().globalBatchSize()), Cell.number(0)));
        for (int i = cells.size(); i < COLUMNS.size() - 1; i++) {
            cells.add(NONE);
        }
        cells.addAll(List.of(Cell.number(only.point().imagesPerSecond()), NONE,
                Cell.number(only.point().speedup()), Cell.text(only.beyondThisMachine()
                        ? "predicted beyond this machine's " + predictor.coresHere() + " cores, on " + predictor.beyond()
                        : "predicted on this machine")));
        return cells;
    }

    private static List<Cell> measured(StudyResults.Row row) {
        var parallelism = row.config().parallelism();
        return List.of(
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
                Cell.text(note(row)));
    }

    private static Cell spread(StudyResults.Spread spread) {
        return Cell.number(spread.median(), spread.min(), spread.max());
    }

    /**
     * What a reader must know to trust the row: the baseline, oversubscription, runs that did not finish; and how much
     * of an overlapped allreduce was hidden behind the backward pass, how stale an asynchronous run's updates were, and
     * how long a pipeline's stages waited.
     */
    private static String note(StudyResults.Row row) {
        List<String> notes = new ArrayList<>();
        if (row.baseline()) {
            notes.add("baseline");
        }
        Optional<RunRecord> measured = row.repeats().stream().filter(StudyResults.CellFigures::measured).findFirst()
                .map(StudyResults.CellFigures::record);
        if (row.config().parallelism().overlap()) {
            measured.flatMap(HiddenCommunication::of).ifPresent(overlap -> notes.add(String.format(Locale.ROOT,
                    "%.0f %% of the allreduce hidden", 100 * overlap.hiddenShare())));
        }
        measured.flatMap(StalenessHistogram::of).ifPresent(staleness -> notes.add(String.format(Locale.ROOT,
                "mean staleness %.2f, %,d refused", staleness.mean(), staleness.refused())));
        measured.flatMap(PipelineBubble::of).ifPresent(bubble -> notes.add(String.format(Locale.ROOT,
                "%.0f %% idle in the bubble (in theory %.0f %%)", 100 * bubble.idleShare(), 100 * bubble.schedule().bubble())));
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
