package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.studies.StudyCell;
import org.scalelab.engine.studies.StudyPlan;

/**
 * {@code study run --dry-run}: the cells in the order they would run, the cores each needs, and how long each
 * took when a run of exactly its configuration finished before (the plan's own estimate otherwise).
 */
final class StudyDryRun {
    private StudyDryRun() {
    }

    static void print(StudyPlan plan, List<StudyCell> cells, String substitution, boolean quick,
                      boolean allowOversubscribe, int cores, RunStore runs, PrintWriter out) {
        out.println("Study: " + plan.name() + (quick ? " (quick)" : ""));
        if (!plan.description().isEmpty()) {
            out.println(plan.description());
        }
        if (substitution != null) {
            out.println("Substitution: " + substitution);
        }
        List<RunRecord> earlier = runs.list().records().stream().filter(r -> r.status() == RunStatus.FINISHED).toList();
        TextTable table = new TextTable(List.of("#", "Cell", "Strategy", "P×T", "Global batch", "Repeat", "Cores",
                "Earlier run took", "Note"), true, false, false, false, true, true, true, true, false);
        double known = 0;
        int unknown = 0;
        int oversubscribed = 0;
        for (StudyCell cell : cells) {
            OptionalDouble seconds = earlierSeconds(cell.config(), earlier);
            if (seconds.isPresent()) {
                known += seconds.getAsDouble();
            } else {
                unknown++;
            }
            String note = cell.baseline() ? "baseline" : "";
            if (cell.oversubscribed()) {
                oversubscribed++;
                note = (note.isEmpty() ? "" : note + "; ") + (allowOversubscribe ? "oversubscribed"
                        : "needs more cores than " + cores + ": skipped without --allow-oversubscribe");
            }
            var parallelism = cell.config().parallelism();
            table.add(List.of(String.valueOf(cell.index() + 1), cell.label(), parallelism.strategy().toString(),
                    parallelism.processes() + "×" + parallelism.threads(), String.valueOf(cell.config().globalBatchSize()),
                    String.valueOf(cell.repeat() + 1), String.valueOf(parallelism.busyThreads()),
                    seconds.isPresent() ? duration(seconds.getAsDouble()) : "—", note));
        }
        table.printText(out);
        out.println(String.format(Locale.ROOT, "%d cells on %d cores%s. Earlier runs of %d cells took %s in all%s.",
                cells.size(), cores, oversubscribed > 0 ? ", " + oversubscribed + " of them oversubscribed" : "",
                cells.size() - unknown, duration(known),
                unknown > 0 ? "; " + unknown + " have not run before" : ""));
        if (!plan.expectedDuration().isEmpty()) {
            out.println("The plan says: " + plan.expectedDuration());
        }
        out.flush();
    }

    /** The wall time of the newest finished run with exactly this configuration, epochs and evaluation included. */
    private static OptionalDouble earlierSeconds(TrainingConfig config, List<RunRecord> earlier) {
        return earlier.stream().filter(record -> config.equals(record.config())).findFirst()
                .map(record -> OptionalDouble.of(record.events().stream().filter(EpochCompleted.class::isInstance)
                        .mapToDouble(e -> ((EpochCompleted) e).epochSeconds()).sum()))
                .orElse(OptionalDouble.empty());
    }

    private static String duration(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
