package org.scalelab.engine.studies;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.scalelab.engine.config.ConfigJson;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;

/**
 * A plan's grid turned into the cells a study runs, in the order it runs them. Every point of the grid is the
 * product of the plan's configurations, batch sizes and axes. The serial baselines belong to the study: one for
 * every distinct configuration that the points' speedups are measured against (same everything, strategy serial,
 * batch = the point's global batch), unless the plan has that serial point already. Each baseline runs as often
 * as the points do, its runs spread over the study (before the first point, between, after the last) so that the
 * machine's drift over time weighs on baselines and points alike.
 */
public final class StudyGrid {
    private StudyGrid() {
    }

    /**
     * @param quick     whether to apply the plan's {@code quick} options (a shortened study)
     * @param installed whether a dataset is here; a plan whose dataset is not falls back, when it says how
     * @param cores     this machine's logical cores, against which each cell is checked for oversubscription
     */
    public static List<StudyCell> cells(StudyPlan plan, boolean quick, Predicate<String> installed, int cores) {
        ObjectNode base = effectiveBase(plan, installed);
        Map<String, TrainingConfig> points = new LinkedHashMap<>();
        List<StudyPlan.Configuration> configurations = plan.configurations().isEmpty()
                ? List.of(new StudyPlan.Configuration(null, JsonNodeFactory.instance.objectNode()))
                : plan.configurations();
        for (StudyPlan.Configuration configuration : configurations) {
            for (Optional<Integer> batch : batchAxis(plan)) {
                for (Map<String, String> axisValues : axisProduct(plan.axes())) {
                    OptionValues values = ConfigJson.read(base, OptionValues.defaults(), "base");
                    ConfigJson.read(configuration.options(), values, "configuration");
                    batch.ifPresent(b -> values.set(TrainingOptions.BATCH, b));
                    axisValues.forEach((key, text) -> values.setText(TrainingOptions.byKey(key).orElseThrow(), text));
                    if (quick) {
                        ConfigJson.read(plan.quick(), values, "quick");
                    }
                    TrainingConfig config = values.build();
                    String label = label(configuration, config, batch, axisValues);
                    points.put(unique(label, points), config);
                }
            }
        }
        // A serial point of the plan is the baseline of every point whose serial form it has.
        Set<TrainingConfig> covered = points.values().stream()
                .filter(point -> point.parallelism().strategy() == Strategy.SERIAL)
                .map(StudyGrid::baselineFor).collect(Collectors.toSet());
        Map<String, TrainingConfig> baselines = new LinkedHashMap<>();
        for (TrainingConfig point : points.values()) {
            TrainingConfig baseline = baselineFor(point);
            if (!covered.contains(baseline) && !baselines.containsValue(baseline)) {
                baselines.put(unique(baselineLabel(baseline, points.values()), baselines), baseline);
            }
        }
        return order(points, baselines, plan.repeats(), cores);
    }

    /**
     * The serial run a configuration's speedup is measured against: the same run but the strategy, with the
     * options only parallel runs read at their defaults, so that two configurations have the same baseline
     * exactly when this is equal.
     */
    public static TrainingConfig baselineFor(TrainingConfig config) {
        return OptionValues.of(config)
                .set(TrainingOptions.STRATEGY, Strategy.SERIAL).reset(TrainingOptions.PROCS).reset(TrainingOptions.THREADS)
                .set(TrainingOptions.SCALING, Scaling.STRONG).set(TrainingOptions.BATCH, config.globalBatchSize())
                .reset(TrainingOptions.AVERAGE_EVERY).reset(TrainingOptions.VIA_MASTER).reset(TrainingOptions.ALLREDUCE)
                .reset(TrainingOptions.HOSTS).reset(TrainingOptions.COMPRESS).reset(TrainingOptions.ERROR_FEEDBACK)
                .reset(TrainingOptions.OVERLAP).reset(TrainingOptions.BUCKET_KB).reset(TrainingOptions.MICROBATCHES)
                .reset(TrainingOptions.MAX_STALENESS)
                // How a run is allowed to start is not what it measures: an oversubscribed cell allowed to run is
                // measured against the same serial run as one that was not.
                .reset(TrainingOptions.ALLOW_OVERSUBSCRIBE).reset(TrainingOptions.RANK_TIMEOUT)
                // Nor is how it survives a fault: the baseline is the fault-free serial run.
                .reset(TrainingOptions.CHECKPOINT_EVERY).reset(TrainingOptions.RESTART_ON_FAILURE)
                .reset(TrainingOptions.MIN_PROCS).reset(TrainingOptions.INJECT_FAULT).build();
    }

    /** The substitution the plan's fallback makes on this machine, if it makes one. */
    public static Optional<StudyPlan.Fallback> substitution(StudyPlan plan, Predicate<String> installed) {
        String dataset = ConfigJson.read(plan.base(), OptionValues.defaults(), "base").get(TrainingOptions.DATASET);
        return plan.fallback().filter(f -> f.whenMissing().equals(dataset) && !installed.test(dataset));
    }

    private static ObjectNode effectiveBase(StudyPlan plan, Predicate<String> installed) {
        ObjectNode base = plan.base().deepCopy();
        substitution(plan, installed).ifPresent(fallback -> base.setAll(fallback.options()));
        return base;
    }

    private static List<Optional<Integer>> batchAxis(StudyPlan plan) {
        return plan.batchSizes().isEmpty() ? List.of(Optional.empty())
                : plan.batchSizes().stream().map(Optional::of).toList();
    }

    private static List<Map<String, String>> axisProduct(List<StudyPlan.Axis> axes) {
        List<Map<String, String>> product = new ArrayList<>(List.of(Map.of()));
        for (StudyPlan.Axis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : product) {
                for (String value : axis.values()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(axis.option(), value);
                    next.add(extended);
                }
            }
            product = next;
        }
        return product;
    }

    /** The plan's label, else the strategy with P×T ("mpj 2×1"); then the batch and axis values that vary. */
    private static String label(StudyPlan.Configuration configuration, TrainingConfig config, Optional<Integer> batch,
                                Map<String, String> axisValues) {
        StringBuilder label = new StringBuilder(configuration.label() != null ? configuration.label()
                : strategyLabel(config));
        batch.ifPresent(b -> label.append(" · batch ").append(b));
        axisValues.forEach((key, value) -> label.append(" · ").append(key).append(' ').append(value));
        return label.toString();
    }

    static String strategyLabel(TrainingConfig config) {
        Strategy strategy = config.parallelism().strategy();
        return strategy == Strategy.SERIAL ? "serial"
                : String.format(Locale.ROOT, "%s %d×%d", strategy, config.parallelism().processes(),
                config.parallelism().threads());
    }

    /** "serial", or "serial · batch N" when the study's points have several global batches. */
    private static String baselineLabel(TrainingConfig baseline, Collection<TrainingConfig> points) {
        long globalBatches = points.stream().mapToInt(TrainingConfig::globalBatchSize).distinct().count();
        return globalBatches > 1 ? "serial · batch " + baseline.schedule().batchSize() : "serial";
    }

    private static String unique(String label, Map<String, TrainingConfig> taken) {
        String candidate = label;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }

    /**
     * Points repeat-major (every point once, then every point again); the baselines' runs at evenly spread
     * places: with one repeat before the points, with several the first before, the last after and the others
     * between.
     */
    private static List<StudyCell> order(Map<String, TrainingConfig> points, Map<String, TrainingConfig> baselines,
                                         int repeats, int cores) {
        List<StudyCell> sequence = new ArrayList<>();
        int pointRuns = points.size() * repeats;
        int placed = 0;
        int index = 0;
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (Map.Entry<String, TrainingConfig> point : points.entrySet()) {
                while (placed < repeats && baselinePlace(placed, repeats, pointRuns) <= index) {
                    for (Map.Entry<String, TrainingConfig> baseline : baselines.entrySet()) {
                        sequence.add(cell(sequence.size(), baseline, placed, true, cores));
                    }
                    placed++;
                }
                boolean isBaseline = point.getValue().parallelism().strategy() == Strategy.SERIAL;
                sequence.add(cell(sequence.size(), point, repeat, isBaseline, cores));
                index++;
            }
        }
        for (; placed < repeats; placed++) {
            for (Map.Entry<String, TrainingConfig> baseline : baselines.entrySet()) {
                sequence.add(cell(sequence.size(), baseline, placed, true, cores));
            }
        }
        return sequence;
    }

    /** Before the point run of this index: 0 for the first, the end for the last, evenly between. */
    private static int baselinePlace(int k, int repeats, int pointRuns) {
        return repeats == 1 ? 0 : Math.round((float) k * pointRuns / (repeats - 1));
    }

    private static StudyCell cell(int index, Map.Entry<String, TrainingConfig> point, int repeat, boolean baseline,
                                  int cores) {
        TrainingConfig config = point.getValue();
        return new StudyCell(index, point.getKey(), config, repeat, baseline, config.parallelism().busyThreads() > cores);
    }
}
