package org.scalelab.engine.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.scalelab.engine.bench.AllreduceBenchmark.Results;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.provenance.MachineDescription;

/** Writes allreduce results as a table, aligned for a terminal or in Markdown for docs/PERFORMANCE.md. */
public final class AllreduceReport {
    private static final String MISSING = "–";

    private AllreduceReport() {
    }

    public static String render(Results results, MachineDescription machine, boolean markdown) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(results));
        for (int floats : results.settings().sizes()) {
            for (int ranks : results.settings().ranks()) {
                rows.add(row(results, floats, ranks));
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Allreduce (sum, in place) of one flat float buffer: milliseconds per call, "
                + "median of %d calls after %d or more warm-up calls (0.5 s at least), each call as long as its slowest rank.%n",
                results.settings().repeats(), results.settings().warmup()));
        text.append(markdown ? "\n" : "").append("Machine: ").append(machine).append(String.format("%n%n"));
        text.append(markdown ? markdownTable(rows) : alignedTable(rows));
        // MPJ missing fails four transports with one message: say it once.
        Map<String, List<String>> failedTransports = new LinkedHashMap<>();
        results.settings().transports().stream().filter(results.failures()::containsKey).forEach(transport ->
                failedTransports.computeIfAbsent(results.failures().get(transport), why -> new ArrayList<>())
                        .add(transport.label()));
        failedTransports.forEach((why, labels) ->
                text.append(String.format("%n%s did not run: %s%n", String.join(", ", labels), why)));
        return text.toString();
    }

    private static List<String> header(Results results) {
        List<String> header = new ArrayList<>(List.of("floats", "ranks"));
        results.settings().transports().forEach(transport -> header.add(transport.label()));
        ringsBesideBuiltin(results).forEach(ring -> header.add(ring.label() + " speed-up"));
        return header;
    }

    private static List<String> row(Results results, int floats, int ranks) {
        List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", floats), Integer.toString(ranks)));
        for (Transport transport : results.settings().transports()) {
            OptionalDouble millis = results.millis(transport, floats, ranks);
            row.add(millis.isPresent() ? String.format(Locale.ROOT, "%.2f", millis.getAsDouble()) : MISSING);
        }
        OptionalDouble builtin = results.millis(Transport.NIODEV_BUILTIN, floats, ranks);
        for (Transport ring : ringsBesideBuiltin(results)) {
            OptionalDouble millis = results.millis(ring, floats, ranks);
            row.add(builtin.isPresent() && millis.isPresent()
                    ? String.format(Locale.ROOT, "%.1f×", builtin.getAsDouble() / millis.getAsDouble()) : MISSING);
        }
        return row;
    }

    /** The niodev rings measured, each to be compared with niodev's built-in allreduce when that was measured too. */
    private static List<Transport> ringsBesideBuiltin(Results results) {
        List<Transport> transports = results.settings().transports();
        if (!transports.contains(Transport.NIODEV_BUILTIN)) {
            return List.of();
        }
        return transports.stream().filter(t -> t == Transport.NIODEV_RING || t == Transport.NIODEV_RING_SHM).toList();
    }

    private static String markdownTable(List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n");
        table.append("|").append("---:|".repeat(rows.get(0).size())).append('\n');
        for (List<String> row : rows.subList(1, rows.size())) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return table.toString();
    }

    private static String alignedTable(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                table.append(column == 0 ? "" : "  ").append(" ".repeat(widths[column] - row.get(column).length()))
                        .append(row.get(column));
            }
            table.append('\n');
        }
        return table.toString();
    }
}
