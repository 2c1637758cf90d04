package org.scalelab.app.library;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.scalelab.app.baseline.BaselineChoice;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Baselines;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * One saved run as the library table shows it. Its speedup is measured against the baseline {@link Baselines}
 * chooses for it, which the row names; serial runs have neither.
 */
public record LibraryRow(RunRecord record, String date, String name, String study, String dataset, String model,
                         String strategy, String workers, String time, String accuracy, String speedup, String baseline,
                         String status, String tags) {

    static final List<String> HEADERS = List.of("Date", "Name", "Study", "Dataset", "Model", "Strategy", "P×T",
            "Time (s)", "Accuracy", "Speedup", "Baseline", "Status", "Tags");
    private static final int BASELINE_COLUMN = HEADERS.indexOf("Baseline");
    /** @param study the name of the study the run is a cell of; empty for a run of its own */
    static LibraryRow of(RunRecord record, Baselines baselines, String study) {
        TrainingConfig config = record.config();
        Optional<Baseline> baseline = baselines.eligibleFor(record).stream().findFirst();
        double throughput = Throughput.of(record).imagesPerSecond();
        return new LibraryRow(record, startedAt(record), record.name(), study, config.data().dataset(), config.model().label(),
                config.parallelism().strategy().toString(), config.parallelism().shape(),
                Numbers.fixed(record.summary().trainSeconds(), 1),
                Numbers.percent(record.summary().testAccuracy()),
                baseline.map(serial -> Numbers.speedup(serial.speedupOf(throughput, config.cores()).value(), baseline))
                        .orElse("–"),
                baseline.map(BaselineChoice::describe).orElse("–"),
                record.status().toString(), String.join(", ", record.tags()));
    }

    List<String> cells() {
        return List.of(date, name, study, dataset, model, strategy, workers, time, accuracy, speedup, baseline, status,
                tags);
    }

    /**
     * True when any cell contains the text, ignoring case; the library's filter. The baseline cell is left out: it
     * names another run, a serial one, and "serial" would otherwise find every parallel run too.
     */
    boolean matches(String filter) {
        String wanted = filter.toLowerCase();
        List<String> cells = cells();
        return IntStream.range(0, cells.size()).filter(i -> i != BASELINE_COLUMN)
                .anyMatch(i -> cells.get(i).toLowerCase().contains(wanted));
    }

    private static String startedAt(RunRecord record) {
        return record.startedAt() == null ? "" : RunTables.minute(record.startedAt());
    }
}
