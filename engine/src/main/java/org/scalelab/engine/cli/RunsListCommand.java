package org.scalelab.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.runs.RunListing;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.speedup.Baselines;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab runs list}: every saved run, newest first, as it stands — interrupted runs say so — and every
 * file that is not a readable record, by name, so that nothing in the folder goes unmentioned.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved runs, newest first.")
final class RunsListCommand implements Callable<Integer> {

    @Option(names = "--tag", paramLabel = "TAG", description = "Only runs with this tag.")
    String tag;

    @Option(names = "--format", paramLabel = "FORMAT", converter = TableFormatConverter.class,
            description = "txt (default), md, csv, tex or html.")
    TableFormat format = TableFormat.TEXT;

    @Option(names = "--json", description = "One line of JSON: the runs and the unreadable files.")
    boolean json;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunListing listing = runs.store().list();
        List<RunRecord> shown = listing.records().stream().filter(run -> tag == null || run.tags().contains(tag)).toList();
        Baselines baselines = new Baselines(listing.records());
        if (json) {
            out.println(json(shown, listing.problems(), baselines));
        } else if (shown.isEmpty() && listing.problems().isEmpty()) {
            out.println("No runs" + (tag != null ? " tagged " + tag : "") + " in " + runs.directory()
                    + " (start one: scalelab train).");
        } else {
            out.print(format.render(RunTables.listing(shown, baselines)));
            listing.problems().forEach(problem -> out.println("unreadable: " + problem));
        }
        out.flush();
        return 0;
    }

    private static String json(List<RunRecord> shown, List<String> problems, Baselines baselines) {
        ObjectNode result = Json.mapper().createObjectNode();
        ArrayNode list = result.putArray("runs");
        for (RunRecord run : shown) {
            ObjectNode node = list.addObject();
            var parallelism = run.config().parallelism();
            node.put("runId", run.runId());
            node.put("name", run.name());
            node.put("status", run.status().toString());
            node.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
            node.put("dataset", run.config().data().dataset());
            node.put("model", run.config().model().name());
            node.put("strategy", parallelism.strategy().toString());
            node.put("procs", parallelism.processes());
            node.put("threads", parallelism.threads());
            Json.putNumber(node, "imagesPerSecond", Throughput.of(run).imagesPerSecond());
            Json.putNumber(node, "testAccuracy", run.summary().testAccuracy());
            Json.putNumber(node, "speedup", baselines.speedupOf(run).map(Speedup::value).orElse(Double.NaN));
            ArrayNode tags = node.putArray("tags");
            run.tags().forEach(tags::add);
        }
        problems.forEach(result.putArray("unreadable")::add);
        return result.toString();
    }
}
