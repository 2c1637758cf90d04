package org.scalelab.app.library;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.scalelab.app.text.RunLabels;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.runs.RunRecord;

/** One saved run as the library table shows it. */
public record LibraryRow(RunRecord record, String date, String name, String dataset, String model, String strategy,
                         String workers, String time, String accuracy, String speedup, String status, String tags) {

    static final List<String> HEADERS = List.of("Date", "Name", "Dataset", "Model", "Strategy", "P×T", "Time (s)",
            "Accuracy", "Speedup", "Status", "Tags");
    /** Preferred column widths: date and name would otherwise be cut off. */
    static final List<Double> WIDTHS = List.of(130.0, 225.0, 90.0, 75.0, 95.0, 55.0, 65.0, 80.0, 72.0, 75.0, 60.0);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    static LibraryRow of(RunRecord record, Baselines baselines) {
        TrainingConfig config = record.config();
        Optional<Baseline> baseline = baselines.find(config);
        double throughput = SteadyThroughput.of(record);
        return new LibraryRow(record, startedAt(record), record.name(), config.data().dataset(), config.model().name(),
                config.parallelism().strategy().toString(), RunLabels.workers(config),
                Numbers.fixed(record.summary().trainSeconds(), 1),
                Numbers.percent(record.summary().testAccuracy()),
                baseline.map(serial -> Numbers.speedup(throughput / serial.imagesPerSecond(), baseline)).orElse("–"),
                record.status().toString(), String.join(", ", record.tags()));
    }

    List<String> cells() {
        return List.of(date, name, dataset, model, strategy, workers, time, accuracy, speedup, status, tags);
    }

    /** True when any cell contains the text, ignoring case; the library's filter. */
    boolean matches(String filter) {
        String wanted = filter.toLowerCase();
        return cells().stream().anyMatch(cell -> cell.toLowerCase().contains(wanted));
    }

    private static String startedAt(RunRecord record) {
        return record.events().stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast).findFirst()
                .map(started -> DATE.format(Instant.parse(started.startedAt()))).orElse("");
    }
}
