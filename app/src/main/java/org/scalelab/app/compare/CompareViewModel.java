package org.scalelab.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.app.charts.ChartBook;
import org.scalelab.app.export.Table;
import org.scalelab.app.library.Baseline;
import org.scalelab.app.library.Baselines;
import org.scalelab.app.library.Numbers;
import org.scalelab.app.library.SteadyThroughput;
import org.scalelab.app.live.RunCharting;
import org.scalelab.app.text.RunLabels;
import org.scalelab.engine.runs.RunRecord;

/** Several saved runs overlaid on every chart, with the scaling table the studies report. */
public final class CompareViewModel {
    private static final List<String> HEADERS = List.of("Configuration", "Time (s)", "Speedup", "Efficiency", "Test accuracy");

    private final ChartBook charts = new ChartBook();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final List<RunRecord> records = new ArrayList<>();

    public ChartBook charts() {
        return charts;
    }

    /** One row per run: configuration, time, speedup and efficiency against its serial baseline, accuracy. */
    public ObservableList<List<String>> rows() {
        return rows;
    }

    public static List<String> headers() {
        return HEADERS;
    }

    /** The runs compared now. */
    public List<RunRecord> records() {
        return List.copyOf(records);
    }

    public void compare(List<RunRecord> chosen, Baselines baselines) {
        records.clear();
        records.addAll(chosen);
        charts.clear();
        charts.update(() -> chosen.forEach(record -> {
            RunCharting charting = new RunCharting(charts.addRun(label(record)), baselines.find(record.config()));
            record.events().forEach(charting::accept);
        }));
        rows.setAll(IntStream.range(0, chosen.size())
                .mapToObj(i -> row(ChartBook.code(i), chosen.get(i), baselines.find(chosen.get(i).config()))).toList());
    }

    public Table table() {
        return new Table("Scaling", HEADERS, rows);
    }

    private static List<String> row(String code, RunRecord record, Optional<Baseline> baseline) {
        double speedup = baseline.map(serial -> SteadyThroughput.of(record) / serial.imagesPerSecond())
                .orElse(Double.NaN);
        return List.of(code + " · " + label(record), Numbers.fixed(record.summary().trainSeconds(), 1),
                Numbers.speedup(speedup, baseline), Numbers.percent(speedup / record.config().cores()),
                Numbers.percent(record.summary().testAccuracy()));
    }

    /** The run's own name when the user gave it one, else its parallel configuration; its letter tells runs apart. */
    private static String label(RunRecord record) {
        return record.name().equals(record.runId()) ? RunLabels.parallelism(record.config()) : record.name();
    }
}
