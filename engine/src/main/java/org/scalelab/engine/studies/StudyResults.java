package org.scalelab.engine.studies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.function.ToDoubleFunction;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunStoreException;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * A study's figures: every cell's throughput, speedup and accuracy from its run record, and one row per point of
 * the grid with the median and range over its repeats. Each run's speedup is measured against the study's own
 * serial baseline of the same configuration (strategy aside) that ran closest in time to it, the baseline whose
 * measurement the machine's drift touched least.
 */
public final class StudyResults {
    private final StudyRecord study;
    private final List<CellFigures> cells;
    private final List<Row> rows;
    private final List<Predicted> predictions;
    private final Optional<StudyPredictor> predictor;

    private StudyResults(StudyRecord study, List<CellFigures> cells, List<Row> rows, List<Predicted> predictions,
                         Optional<StudyPredictor> predictor) {
        this.study = study;
        this.cells = List.copyOf(cells);
        this.rows = List.copyOf(rows);
        this.predictions = List.copyOf(predictions);
        this.predictor = predictor;
    }

    /** Reads every finished cell's run record; a cell whose record is gone or unreadable has no figures. */
    public static StudyResults of(StudyRecord study, RunStore runs) {
        Map<Integer, RunRecord> records = new LinkedHashMap<>();
        for (StudyRecord.Cell cell : study.cells()) {
            if (cell.status() == CellStatus.FINISHED && cell.runId() != null) {
                try {
                    records.put(cell.index(), runs.load(cell.runId()));
                } catch (RunStoreException e) {
                    // shown as a cell without figures: its run record is gone
                }
            }
        }
        List<CellFigures> figures = new ArrayList<>();
        for (StudyRecord.Cell cell : study.cells()) {
            RunRecord record = records.get(cell.index());
            figures.add(CellFigures.of(cell, record, closestBaseline(cell, record, study, records)));
        }
        return new StudyResults(study, figures, rows(figures), List.of(), Optional.empty());
    }

    /**
     * These results with the {@code predictor}'s figures: for every measured configuration, the serial baselines
     * too (beside its measurement: how far this machine now is from its calibration shows there first), and for
     * the configurations the plan's {@code predict} section adds. Without a measured run
     * there is no training set size to predict an epoch from, and nothing is predicted.
     */
    public StudyResults withPredictions(StudyPredictor predictor, StudyPlan.Prediction plan) {
        Optional<Integer> trainImages = cells.stream().filter(CellFigures::measured).findFirst()
                .flatMap(figures -> figures.record().events().stream().filter(RunStarted.class::isInstance)
                        .map(RunStarted.class::cast).findFirst()).map(RunStarted::trainImages);
        if (trainImages.isEmpty()) {
            return this;
        }
        int images = trainImages.get();
        List<Predicted> points = new ArrayList<>();
        for (Row row : rows) {
            predictor.predict(row.config(), images, true).ifPresent(point -> points.add(new Predicted(row.label(),
                    row.config(), point, false, row)));
        }
        List<Row> measured = rows.stream().filter(row -> !row.baseline()).toList();
        Set<TrainingConfig> measuredConfigs = measured.stream().map(Row::config).collect(Collectors.toSet());
        Set<TrainingConfig> predictedOnly = new HashSet<>();
        for (Row row : measured) {
            List<TrainingConfig> wanted = new ArrayList<>(List.of(row.config()));
            wanted.addAll(grown(row.config(), plan));
            for (TrainingConfig config : wanted) {
                boolean beyond = config.cores() > predictor.coresHere();
                if ((beyond || !measuredConfigs.contains(config)) && predictedOnly.add(config)) {
                    String label = config.equals(row.config()) ? row.label() : config.parallelism().label();
                    predictor.predict(config, images, !beyond).ifPresent(point -> points.add(new Predicted(label,
                            config, point, beyond, null)));
                }
            }
        }
        points.sort(Comparator.comparing((Predicted p) -> p.config().parallelism().strategy())
                .thenComparingInt(p -> p.config().cores()));
        return new StudyResults(study, cells, rows, points, Optional.of(predictor));
    }

    /** The configuration at the plan's other process counts (strategies with ranks) or thread counts (threads). */
    private static List<TrainingConfig> grown(TrainingConfig config, StudyPlan.Prediction plan) {
        Strategy strategy = config.parallelism().strategy();
        List<TrainingConfig> grown = new ArrayList<>();
        if (strategy.usesProcesses()) {
            plan.procs().forEach(procs -> valid(() -> config.with(TrainingOptions.PROCS, procs)).ifPresent(grown::add));
        } else if (strategy == Strategy.THREADS) {
            plan.threads().forEach(threads -> valid(() -> config.with(TrainingOptions.THREADS, threads)).ifPresent(grown::add));
        }
        return grown;
    }

    /** A count the strategy does not take (hybrid needs two threads, ...) is left out: predicted at the others. */
    private static Optional<TrainingConfig> valid(Supplier<TrainingConfig> config) {
        try {
            return Optional.of(config.get().validate());
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /** The predicted points, measured configurations first among those of a strategy; empty without a predictor. */
    public List<Predicted> predictions() {
        return predictions;
    }

    /** The predictor behind {@link #predictions()}, if any. */
    public Optional<StudyPredictor> predictor() {
        return predictor;
    }

    /**
     * One predicted configuration.
     *
     * @param beyondThisMachine predicted on hosts beyond this machine, whose cores it outgrows; else as run here
     * @param measured          the row measured at this configuration as predicted; null for one predicted only
     */
    public record Predicted(String label, TrainingConfig config, StudyPredictor.Point point, boolean beyondThisMachine,
                            Row measured) {

        /** (predicted − measured) / measured images/s; NaN without a measurement. */
        public double error() {
            double measuredRate = measured == null ? Double.NaN : measured.imagesPerSecond().median();
            return (point.imagesPerSecond() - measuredRate) / measuredRate;
        }
    }

    public StudyRecord study() {
        return study;
    }

    /** Every cell in the order it ran, with its figures when its run finished. */
    public List<CellFigures> cells() {
        return cells;
    }

    /** One row per point of the grid in worker order (serial first), over its repeats. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * One cell's figures.
     *
     * @param record          its run record; null when it did not finish (then every figure is NaN)
     * @param imagesPerSecond steady throughput ({@link Throughput})
     * @param speedup         over its baseline; NaN for a baseline itself or when it has none
     * @param baseline        the baseline run it was measured against; null for none
     */
    public record CellFigures(StudyRecord.Cell cell, RunRecord record, double trainSeconds, double imagesPerSecond,
                              Speedup speedup, double testAccuracy, double testLoss, RunRecord baseline) {

        static CellFigures of(StudyRecord.Cell cell, RunRecord record, RunRecord baseline) {
            int cores = cell.config().cores();
            if (record == null) {
                return new CellFigures(cell, null, Double.NaN, Double.NaN, new Speedup(Double.NaN, cores), Double.NaN,
                        Double.NaN, null);
            }
            double throughput = Throughput.of(record).imagesPerSecond();
            Speedup speedup = baseline == null ? new Speedup(Double.NaN, cores)
                    : Speedup.of(throughput, Throughput.of(baseline).imagesPerSecond(), cores);
            return new CellFigures(cell, record, record.summary().trainSeconds(), throughput, speedup,
                    record.summary().testAccuracy(), record.summary().testLoss(), baseline);
        }

        public boolean measured() {
            return record != null;
        }
    }

    /**
     * A point of the grid over its repeats.
     *
     * @param repeats the point's cells, in the order they ran
     */
    public record Row(String label, TrainingConfig config, boolean baseline, boolean oversubscribed,
                      List<CellFigures> repeats) {

        public Spread trainSeconds() {
            return Spread.of(repeats, CellFigures::trainSeconds);
        }

        public Spread imagesPerSecond() {
            return Spread.of(repeats, CellFigures::imagesPerSecond);
        }

        public Spread speedup() {
            return Spread.of(repeats, figures -> figures.speedup().value());
        }

        public Spread efficiency() {
            return Spread.of(repeats, figures -> figures.speedup().efficiency());
        }

        public Spread testAccuracy() {
            return Spread.of(repeats, CellFigures::testAccuracy);
        }

        public Spread testLoss() {
            return Spread.of(repeats, CellFigures::testLoss);
        }

        /** Repeats whose run finished. */
        public long measuredRuns() {
            return repeats.stream().filter(CellFigures::measured).count();
        }
    }

    /**
     * The median of a figure over the repeats that have it, and its range.
     *
     * @param median NaN when no repeat has the figure
     */
    public record Spread(double median, double min, double max, int count) {

        static Spread of(List<CellFigures> repeats, ToDoubleFunction<CellFigures> figure) {
            double[] values = repeats.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (values.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double median = values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
            return new Spread(median, values[0], values[values.length - 1], values.length);
        }

        /** Whether the repeats differ: a range is worth showing. */
        public boolean varies() {
            return count > 1 && max > min;
        }
    }

    /** The study's finished baseline run of the cell's configuration that started closest in time to the cell's run. */
    private static RunRecord closestBaseline(StudyRecord.Cell cell, RunRecord record, StudyRecord study,
                                             Map<Integer, RunRecord> records) {
        if (cell.baseline() || record == null) {
            return null;
        }
        TrainingConfig wanted = StudyGrid.baselineFor(cell.config());
        long when = startMillis(record);
        return study.cells().stream()
                .filter(other -> other.baseline() && StudyGrid.baselineFor(other.config()).equals(wanted)
                        && records.containsKey(other.index()))
                .map(other -> records.get(other.index()))
                .min(Comparator.comparingLong(candidate -> Math.abs(startMillis(candidate) - when)))
                .orElse(null);
    }

    private static long startMillis(RunRecord record) {
        return record.events().stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast).findFirst()
                .map(started -> java.time.Instant.parse(started.startedAt()).toEpochMilli()).orElse(0L);
    }

    private static List<Row> rows(List<CellFigures> cells) {
        Map<String, List<CellFigures>> byLabel = new LinkedHashMap<>();
        cells.forEach(figures -> byLabel.computeIfAbsent(figures.cell().label(), l -> new ArrayList<>()).add(figures));
        List<Row> rows = new ArrayList<>();
        byLabel.forEach((label, repeats) -> {
            StudyRecord.Cell first = repeats.get(0).cell();
            rows.add(new Row(label, first.config(), first.baseline(), first.oversubscribed(), repeats));
        });
        rows.sort(Comparator.comparing((Row row) -> !row.baseline())
                .thenComparingInt(row -> row.config().cores())
                .thenComparingInt(row -> row.config().globalBatchSize()));
        return rows;
    }
}
