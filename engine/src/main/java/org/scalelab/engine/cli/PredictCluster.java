package org.scalelab.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.scalelab.engine.bench.AllreduceBenchmark;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceTiming;
import org.scalelab.engine.bench.LinkBenchmark;
import org.scalelab.engine.bench.LinkProbe;
import org.scalelab.engine.bench.LinkTiming;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.parallel.launch.HostFile;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.predict.ClusterValidation;
import org.scalelab.engine.predict.ClusterValidation.AllreduceCheck;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.Prediction;
import org.scalelab.engine.predict.ScalingModel;
import org.scalelab.engine.predict.Scenario;
import org.scalelab.engine.predict.StackBetweenHosts;
import org.scalelab.engine.predict.Validation;

/**
 * {@code predict --host-file FILE}: the hosts a cluster run would use, the links to them measured rather than taken
 * from a preset, and, with {@code --validate}, each allreduce and step predicted against measured on those hosts.
 */
final class PredictCluster {
    private final Path file;
    private final List<HostSlot> hosts;
    private List<LinkTiming> links = List.of();
    /** niodev's ring over the hosts, one rank on each, at {@link StackBetweenHosts#sweepFloats}. */
    private List<AllreduceTiming> stackSweep = List.of();
    private List<AllreduceCheck> allreduceChecks = List.of();

    private PredictCluster(Path file, List<HostSlot> hosts) {
        this.file = file;
        this.hosts = hosts;
    }

    /**
     * Reads the hosts file: its hosts in order, each with the same slots (the model places ranks evenly).
     *
     * @throws ConfigException naming the file when it is unreadable, names one host, or gives hosts unequal slots
     */
    static PredictCluster read(Path file) {
        List<HostSlot> hosts = HostFile.read(file);
        if (hosts.stream().map(HostSlot::address).distinct().count() != hosts.size() || hosts.size() < 2) {
            throw new ConfigException("hostFile", file, "expected two or more different hosts, one per line");
        }
        if (hosts.stream().mapToInt(HostSlot::slots).distinct().count() > 1) {
            throw new ConfigException("hostFile", file, "expected the same slots on every host, as the model places ranks evenly");
        }
        return new PredictCluster(file, hosts);
    }

    int hostCount() {
        return hosts.size();
    }

    int slots() {
        return hosts.get(0).slots();
    }

    String path() {
        return file.toString();
    }

    /** Measures the link from the first host to each other one (a niodev rank on each). */
    List<LinkTiming> measureLinks(Consumer<String> progress) throws InterruptedException {
        progress.accept("the links from " + hosts.get(0).name() + " to the other hosts");
        try {
            links = LinkBenchmark.measure(hosts, LinkProbe.Settings.standard());
        } catch (RankJobException e) {
            throw new ConfigException("hostFile", file, "the links between its hosts could not be measured: " + e.getMessage());
        }
        return links;
    }

    /**
     * Times niodev's ring over the hosts, one rank on each, at several sizes, and returns what a message between hosts
     * costs on them beyond {@code wireBothWays} ({@link StackBetweenHosts}).
     */
    LinkCost measureStack(LinkCost wireBothWays, double gamma, Consumer<String> progress) throws InterruptedException {
        progress.accept("niodev's ring over the " + hosts.size() + " hosts");
        List<HostSlot> oneRankEach = hosts.stream().map(h -> new HostSlot(h.name(), h.address(), 1, h.local())).toList();
        AllreduceBenchmark.Results results = AllreduceBenchmark.run(new AllreduceBenchmark.Settings(List.of(Transport.NIODEV_RING),
                List.of(hosts.size()), StackBetweenHosts.sweepFloats(hosts.size()), AllreduceBenchmark.DEFAULT_WARMUP,
                AllreduceBenchmark.DEFAULT_REPEATS, oneRankEach), what -> { });
        String failure = results.failures().get(Transport.NIODEV_RING);
        if (failure != null) {
            throw new ConfigException("hostFile", file, "niodev's ring over its hosts could not be measured: " + failure);
        }
        stackSweep = results.timings().get(Transport.NIODEV_RING);
        return StackBetweenHosts.fromSweep(stackSweep, wireBothWays, gamma);
    }

    /** Times every scenario's allreduce of the model's parameters on these hosts, as bench allreduce does by default. */
    void checkAllreduce(ScalingModel model, List<Scenario> scenarios, int floats, Consumer<String> progress)
            throws InterruptedException {
        allreduceChecks = ClusterValidation.checkAllreduce(model, scenarios, floats, hosts,
                AllreduceBenchmark.DEFAULT_WARMUP, AllreduceBenchmark.DEFAULT_REPEATS, progress);
    }

    boolean anyFailed() {
        return allreduceChecks.stream().anyMatch(c -> c.failure().isPresent());
    }

    void linksText(PrintWriter out) {
        for (LinkTiming link : links) {
            out.printf(Locale.ROOT, "Link %s → %s: one-way latency %.1f µs, %.3f Gbit/s one way, %.3f each way with both busy "
                    + "(measured: TCP ping-pong and streams)%n", link.from(), link.to(), link.latencyMicros(), link.bandwidthGbps(),
                    link.bothWaysGbps());
        }
        if (!stackSweep.isEmpty()) {
            out.printf(Locale.ROOT, "niodev's ring over the %d hosts, one rank on each (median of %d calls): %s%n", hosts.size(),
                    AllreduceBenchmark.DEFAULT_REPEATS, String.join(", ", stackSweep.stream()
                            .map(t -> String.format(Locale.ROOT, "%.2f ms for %,d floats", t.medianMillis(), t.floats())).toList()));
        }
    }

    /** Allreduce and step, predicted against measured on the hosts, each with its error. */
    void validationText(PrintWriter out, List<Validation.Check> steps, boolean markdown) {
        out.printf(Locale.ROOT, "%nOn the hosts of %s, predicted against measured (allreduce: median of %d calls, "
                + "as bench allreduce; step: as the validation above; error = (predicted − measured) / measured):%n%n",
                file, AllreduceBenchmark.DEFAULT_REPEATS);
        TextTable table = TextTable.allNumeric(List.of("P", "T", "Hosts", "Floats", "Allreduce predicted", "of it the wire", "measured",
                "Error", "Step predicted", "measured", "Error"));
        for (Validation.Check check : steps) {
            Prediction p = check.predicted();
            AllreduceCheck allreduce = allreduceChecks.stream().filter(c -> c.procs() == p.procs()).findFirst().orElse(null);
            List<String> row = new ArrayList<>(List.of(String.valueOf(p.procs()), String.valueOf(p.threads()),
                    String.valueOf(p.hosts())));
            if (allreduce == null) {
                row.addAll(List.of("—", "—", "—", "—", "—"));
            } else {
                row.addAll(List.of(String.format(Locale.ROOT, "%,d", allreduce.floats()), ms(allreduce.predictedSeconds()),
                        ms(allreduce.wireSeconds()),
                        allreduce.failure().orElse(ms(allreduce.measuredSeconds())),
                        allreduce.failure().isPresent() ? "—" : PredictCommand.signedPercent(allreduce.error())));
            }
            double measuredStep = p.globalBatch() / check.measuredImagesPerSecond();
            row.addAll(List.of(ms(p.stepSeconds()), check.failure().orElse(ms(measuredStep)),
                    check.failure().isPresent() ? "—" : PredictCommand.signedPercent((p.stepSeconds() - measuredStep) / measuredStep)));
            table.add(row);
        }
        table.print(out, markdown);
    }

    void json(ObjectNode report, List<Validation.Check> steps) {
        ObjectNode cluster = report.putObject("hosts");
        cluster.put("file", file.toString());
        cluster.set("links", Json.mapper().valueToTree(links));
        cluster.set("ringOverTheHosts", Json.mapper().valueToTree(stackSweep));
        ArrayNode checks = cluster.putArray("allreduce");
        for (AllreduceCheck check : allreduceChecks) {
            ObjectNode entry = checks.addObject().put("procs", check.procs()).put("hosts", check.hosts())
                    .put("floats", check.floats());
            Json.putNumber(entry, "predictedSeconds", check.predictedSeconds());
            Json.putNumber(entry, "wireSeconds", check.wireSeconds());
            Json.putNumber(entry, "measuredSeconds", check.measuredSeconds());
            Json.putNumber(entry, "error", check.error());
            check.failure().ifPresent(why -> entry.put("failure", why));
        }
        ArrayNode stepChecks = cluster.putArray("steps");
        for (Validation.Check check : steps) {
            Prediction p = check.predicted();
            double measuredStep = p.globalBatch() / check.measuredImagesPerSecond();
            ObjectNode entry = stepChecks.addObject().put("procs", p.procs()).put("threads", p.threads()).put("hosts", p.hosts());
            Json.putNumber(entry, "predictedSeconds", p.stepSeconds());
            Json.putNumber(entry, "measuredSeconds", measuredStep);
            Json.putNumber(entry, "error", (p.stepSeconds() - measuredStep) / measuredStep);
            check.failure().ifPresent(why -> entry.put("failure", why));
        }
    }


    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
    }
}
