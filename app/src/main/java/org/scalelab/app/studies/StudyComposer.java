package org.scalelab.app.studies;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.Json;

/**
 * A study plan composed from the workbench's current setup: the setup's options as the base (those not at their
 * defaults), and a configuration for every
 * chosen strategy at every P and T value it reads (a strategy that fixes P or T at 1 takes 1), so that the grid
 * holds no two cells that would train the same way.
 */
final class StudyComposer {
    private StudyComposer() {
    }

    /**
     * @param setup      the options every cell starts from
     * @param batchSizes empty to keep the setup's batch
     */
    static ObjectNode plan(String name, TrainingConfig setup, List<Strategy> strategies, List<Integer> processes,
                           List<Integer> threads, List<Integer> batchSizes, int repeats) {
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.put("schemaVersion", 1);
        plan.put("name", name);
        plan.put("description", "Composed in the workbench from its setup.");
        ObjectNode base = plan.putObject("base");
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            if (!PER_CELL.contains(option) && !Objects.equals(option.valueIn(setup), option.defaultValue())) {
                base.put(option.key(), option.textIn(setup));
            }
        }
        ArrayNode configurations = plan.putArray("configurations");
        Set<String> seen = new LinkedHashSet<>();
        for (Strategy strategy : strategies) {
            for (int p : strategy.usesProcesses() ? processes : List.of(1)) {
                for (int t : strategy.usesThreads() ? threads : List.of(1)) {
                    if (seen.add(strategy + " " + p + "×" + t)) {
                        ObjectNode configuration = configurations.addObject();
                        configuration.put("strategy", strategy.toString());
                        configuration.put("procs", p);
                        configuration.put("threads", t);
                        if (strategy.averagesParameters() && setup.parallelism().viaMaster()) {
                            configuration.put("viaMaster", true);
                        }
                    }
                }
            }
        }
        if (!batchSizes.isEmpty()) {
            ArrayNode batches = plan.putArray("batchSizes");
            batchSizes.forEach(batches::add);
        }
        plan.put("repeats", repeats);
        return plan;
    }

    /** What each configuration sets itself rather than taking from the setup. */
    private static final Set<TrainingOption<?>> PER_CELL = Set.of(TrainingOptions.STRATEGY, TrainingOptions.PROCS,
            TrainingOptions.THREADS, TrainingOptions.VIA_MASTER, TrainingOptions.HOSTS);
}
