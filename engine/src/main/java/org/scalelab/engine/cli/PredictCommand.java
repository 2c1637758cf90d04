package org.scalelab.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.scalelab.engine.bench.LinkTiming;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.predict.ClusterValidation;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.NetworkPreset;
import org.scalelab.engine.predict.Prediction;
import org.scalelab.engine.predict.RunScenarios;
import org.scalelab.engine.predict.ScalingModel;
import org.scalelab.engine.predict.Scenario;
import org.scalelab.engine.predict.Validation;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.training.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab predict}: the calibrated scaling model's answer for configurations this machine can run and
 * for those it cannot (more cores, more hosts, another network); with {@code --validate}, checked against
 * real runs of every configuration this machine can run.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = PredictCalibrateCommand.class,
        description = {"Predicts each configuration's time per step (compute, communication, waiting, rest), images/s, "
                + "speedup and efficiency from this machine's calibration (scalelab predict calibrate), and the worker "
                + "count where communication overtakes compute.",
                "Equations and validation: docs/SCALING-MODEL.md."})
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", description = "A calibrated model. Default: ${DEFAULT-VALUE}.")
    String model = "mlp-235k";

    @Option(names = "--strategy", paramLabel = "NAME", converter = LowerCaseEnumConverter.StrategyConverter.class,
            description = "Default: ${DEFAULT-VALUE}.")
    Strategy strategy = Strategy.MPJ;

    @Option(names = {"--procs", "--processes", "--stages"}, split = ",", paramLabel = "P",
            description = "Process counts (a pipeline's stages), as train --procs. Default: 1,2,4,8 for strategies with "
                    + "processes, else 1.")
    List<Integer> procs;

    @Option(names = "--threads", split = ",", paramLabel = "T", description = "Thread counts. Default: 1,2,4,8 for "
            + "strategies whose workers are only threads of one process (intra-op, threads), else 1.")
    List<Integer> threads;

    @Option(names = "--hosts", paramLabel = "N", description = "Hosts the ranks spread over. Default: ${DEFAULT-VALUE}.")
    int hosts = 1;

    @Option(names = "--slots", paramLabel = "K", description = "Ranks per host, filled host by host (default: spread evenly).")
    Integer slots;

    @Option(names = "--host-file", paramLabel = "FILE", description = "The hosts of a cluster run (as train --hosts): "
            + "their count and slots instead of --hosts and --slots, and the network measured to each of them (a rank on "
            + "every host, started through ssh or $SCALELAB_REMOTE_SHELL) unless --latency-us and --bandwidth-gbps are given; "
            + "--validate then runs there.")
    Path hostFile;

    @Option(names = "--cores-per-host", paramLabel = "N", description = "Default: this machine's logical cores. May be a "
            + "fraction: four emulated hosts on two cores have half a core each.")
    Double coresPerHost;

    @Option(names = "--network", paramLabel = "NAME",
            description = "Between hosts: loopback (this machine's), 1gbe, 10gbe, 25gbe, 100gb-ib. Default: ${DEFAULT-VALUE}.")
    String network = "loopback";

    @Option(names = "--latency-us", paramLabel = "µS", description = "The network's one-way latency, instead of the preset's.")
    Double latencyMicros;

    @Option(names = "--bandwidth-gbps", paramLabel = "GBIT/S", description = "The network's bandwidth, instead of the preset's.")
    Double bandwidthGbps;

    @Option(names = "--allreduce", paramLabel = "NAME", converter = LowerCaseEnumConverter.AllreduceConverter.class,
            description = "builtin, ring or ring-shm. Default: ${DEFAULT-VALUE}.")
    AllreduceAlgorithm allreduce = TrainingOptions.ALLREDUCE.defaultValue();

    @Option(names = "--compress", paramLabel = "SCHEME", converter = CompressionConverter.class,
            description = "Gradients exchanged compressed, as train --compress: " + GradientCompression.CHOICES
                    + ". Default: ${DEFAULT-VALUE}.")
    GradientCompression compress = TrainingOptions.COMPRESS.defaultValue();

    @Option(names = "--overlap", description = "As train --overlap: the gradients' allreduce in buckets beside the "
            + "backward pass; the table adds the communication hidden behind it (the last bucket's cannot be).")
    boolean overlap;

    @Option(names = "--bucket-kb", paramLabel = "KB", description = "With --overlap: buckets of about KB kB, as train "
            + "--bucket-kb. Default: ${DEFAULT-VALUE}.")
    int bucketKb = TrainingOptions.BUCKET_KB.defaultValue();

    @Option(names = "--microbatches", paramLabel = "M", description = "pipeline: the parts each global batch flows "
            + "through the stages in, as train --microbatches; Waiting is then the bubble. Default: ${DEFAULT-VALUE}.")
    int microbatches = TrainingOptions.MICROBATCHES.defaultValue();

    @Option(names = "--average-every", paramLabel = "K",
            description = "param-avg: local steps between averages, 0 for once per epoch. Default: ${DEFAULT-VALUE}.")
    int averageEvery = TrainingOptions.AVERAGE_EVERY.defaultValue();

    @Option(names = "--via-master", description = "param-avg: average through rank 0 instead of an allreduce.")
    boolean viaMaster;

    @Option(names = "--batch", paramLabel = "B", description = "Global batch (strong) or per-worker batch (weak). Default: ${DEFAULT-VALUE}.")
    int batchSize = TrainingOptions.BATCH.defaultValue();

    @Option(names = "--epoch-images", paramLabel = "N",
            description = "Images in an epoch (param-avg averages at its end). Default: ${DEFAULT-VALUE}, mnist-mini's training set.")
    int epochImages = RunScenarios.DEFAULT_EPOCH_IMAGES;

    @Option(names = "--scaling", paramLabel = "NAME", converter = LowerCaseEnumConverter.ScalingConverter.class,
            description = "strong or weak. Default: ${DEFAULT-VALUE}.")
    Scaling scaling = TrainingOptions.SCALING.defaultValue();

    @Option(names = "--validate", description = "Also train every configuration this machine can run and print predicted against measured.")
    boolean validate;

    @Option(names = "--steps", paramLabel = "N", description = "--validate: steps per epoch. Default: as many as take about"
            + " 1.5 s by the serial prediction, at least 20 (the dataset may hold fewer).")
    Integer steps;

    @Option(names = "--warmup", paramLabel = "N", description = "--validate: warm-up epochs before the timed ones (the model "
            + "predicts a warm step). Default: as many as take about 8 s by the serial prediction.")
    Integer warmup;

    @Option(names = "--repeats", paramLabel = "N", description = "--validate: timed epochs after the warm-up ones, their "
            + "median shown. Default: 3, or as many as take about 3 s where epochs are short (at most 25).")
    Integer repeats;

    @Option(names = "--json", description = "End with one JSON object (its predictions list holds one entry per configuration).")
    boolean json;

    @Option(names = "--markdown", description = "Print Markdown tables (for docs/SCALING-MODEL.md).")
    boolean markdown;

    @Mixin
    CalibrationFileOption calibration;

    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    /** The slowest link measured to the hosts of --host-file, one way and both ways at once, when measured. */
    private LinkCost measuredNetwork;
    private LinkCost measuredNetworkBothWays;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PredictCluster cluster = hostFile != null ? PredictCluster.read(hostFile) : null;
        if (cluster != null) {
            if (hosts != 1 || slots != null) {
                throw new ConfigException("hostFile", hostFile, "gives the hosts and their slots: leave out --hosts and --slots");
            }
            hosts = cluster.hostCount();
            slots = cluster.slots();
        }
        checkOptions();
        Path file = calibration.file();
        MachineCalibration machine = MachineCalibration.load(file, MachineDescription.current());
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = what -> {
            err.println("measuring " + what + " ...");
            err.flush();
        };
        LinkCost measuredStack = null;
        if (cluster != null && latencyMicros == null && bandwidthGbps == null) {
            List<LinkTiming> links = cluster.measureLinks(progress);
            measuredNetwork = ClusterValidation.slowestLink(links, machine.secondsPerReducedFloat());
            measuredNetworkBothWays = ClusterValidation.slowestLinkBothWays(links, machine.secondsPerReducedFloat());
            measuredStack = cluster.measureStack(measuredNetworkBothWays, machine.secondsPerReducedFloat(), progress);
        }
        ScalingModel scalingModel = new ScalingModel(machine, measuredStack);
        List<Scenario> scenarios = scenarios(machine);
        List<Prediction> predictions = scenarios.stream().map(scalingModel::predict).toList();
        List<Validation.Check> checks = List.of();
        Validation.Settings settings = Validation.Settings.lasting(scalingModel, scenarios.get(0), steps, warmup, repeats);
        if (validate) {
            try (CancelOnShutdown ctrlC = new CancelOnShutdown()) {
                checks = Validation.check(scalingModel, scenarios, settings, cluster != null ? cluster.path() : null,
                        data.catalog(), progress, new CancellationToken(ctrlC));
            }
            if (cluster != null && !strategy.splitsLayers()) { // a pipeline's stages pass activations, no allreduce
                cluster.checkAllreduce(scalingModel, scenarios, Math.toIntExact(machine.model(model).orElseThrow().parameters()), progress);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode report = jsonReport(file, machine, scalingModel, scenarios, predictions, checks);
            if (cluster != null) {
                cluster.json(report, checks);
            }
            out.println(Json.mapper().writeValueAsString(report));
        } else {
            text(out, file, machine, scalingModel, scenarios, predictions, checks, settings, cluster);
        }
        out.flush();
        boolean failed = checks.stream().anyMatch(c -> c.failure().isPresent()) || cluster != null && cluster.anyFailed();
        return failed ? CliErrors.FAILED : 0;
    }

    private void checkOptions() {
        // the worker counts a strategy varies by default: `predict --strategy threads` predicts 1 to 8 threads
        List<Integer> varied = List.of(1, 2, 4, 8);
        if (procs == null) {
            procs = strategy.usesProcesses() ? varied : List.of(1);
        }
        if (threads == null) {
            threads = strategy.usesThreads() && !strategy.usesProcesses() ? varied : List.of(1);
        }
        OptionChecks.models("model", List.of(model));
        OptionChecks.allAtLeastOne("procs", procs, "process counts");
        OptionChecks.allAtLeastOne("threads", threads, "thread counts");
        OptionChecks.atLeastOne("hosts", hosts);
        OptionChecks.atLeastOne("batchSize", batchSize);
        OptionChecks.atLeastOne("epochImages", epochImages);
        if (averageEvery < 0) {
            throw new ConfigException("averageEvery", averageEvery, "expected local steps ≥ 1, or 0 for once per epoch");
        }
        if (warmup != null) {
            OptionChecks.atLeastOne("warmup", warmup);
        }
        if (steps != null) {
            OptionChecks.atLeastOne("steps", steps);
        }
        if (repeats != null) {
            OptionChecks.atLeastOne("repeats", repeats);
        }
        if (validate && strategy.averagesParameters() && (averageEvery != 1 || viaMaster)) {
            // the scaling benchmark that measures them averages after every step through an allreduce
            throw new ConfigException("validate", true, "measures param-avg with --average-every 1 and no --via-master only");
        }
        if (validate && compress.lossy()) {
            // the scaling benchmark trains with gradients summed as floats
            throw new ConfigException("validate", true, "measures uncompressed gradients only; leave out --compress");
        }
        if (overlap) {
            OptionChecks.atLeastOne("bucketKb", bucketKb);
            TrainingConfig.checkOverlap(strategy, compress);
        }
        OptionChecks.atLeastOne("microbatches", microbatches);
        // as train refuses them: there is no such run to predict, nor to measure
        TrainingConfig.checkPipeline(strategy, scaling, microbatches, batchSize);
        if (validate && overlap) {
            // the scaling benchmark trains with the allreduce after the backward pass
            throw new ConfigException("validate", true, "measures the allreduce without overlap only; leave out --overlap");
        }
        if (slots != null) {
            OptionChecks.atLeastOne("slots", slots);
        }
        if (coresPerHost != null) {
            OptionChecks.positive("coresPerHost", coresPerHost);
        }
        try {
            NetworkPreset.fromId(network);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("network", network, "expected loopback, 1gbe, 10gbe, 25gbe or 100gb-ib");
        }
        if (latencyMicros != null && !(latencyMicros >= 0)) {
            throw new ConfigException("latencyMicros", latencyMicros, "expected microseconds ≥ 0");
        }
        if (bandwidthGbps != null && !(bandwidthGbps > 0)) {
            throw new ConfigException("bandwidthGbps", bandwidthGbps, "expected Gbit/s > 0");
        }
        for (int p : procs) {
            for (int t : threads) {
                strategy.checkCounts(p, t);
            }
            if (slots != null && p > hosts * slots) {
                throw new ConfigException("procs", p, hosts + " hosts × " + slots + " slots hold " + hosts * slots + " ranks");
            }
        }
    }

    private List<Scenario> scenarios(MachineCalibration machine) {
        double cores = coresPerHost != null ? coresPerHost : machine.machine().logicalCores();
        LinkCost link = networkLink(machine);
        LinkCost bothWays = measuredNetworkBothWays != null ? measuredNetworkBothWays : link;
        List<Scenario> scenarios = new ArrayList<>();
        for (int p : procs) {
            for (int t : threads) {
                int hostsUsed = slots != null ? (p + slots - 1) / slots : Math.min(hosts, p);
                scenarios.add(new Scenario(model, strategy, p, t, allreduce, hostsUsed, cores, link, bothWays, batchSize,
                        scaling, epochImages, averageEvery, viaMaster, compress, overlap ? bucketKb : 0, microbatches));
            }
        }
        return scenarios;
    }

    /**
     * The network between hosts: as measured to the hosts of --host-file, or a preset, its figures overridden by
     * --latency-us and --bandwidth-gbps; null for loopback.
     */
    private LinkCost networkLink(MachineCalibration machine) {
        if (measuredNetwork != null) {
            return measuredNetwork;
        }
        return NetworkPreset.fromId(network).link(machine.secondsPerReducedFloat(), latencyMicros, bandwidthGbps);
    }

    private void text(PrintWriter out, Path file, MachineCalibration machine, ScalingModel scalingModel,
                      List<Scenario> scenarios, List<Prediction> predictions, List<Validation.Check> checks,
                      Validation.Settings settings, PredictCluster cluster) {
        out.printf("Calibration: %s, measured %s on %s%n", file, machine.measuredAt(), machine.machine());
        if (cluster != null) {
            cluster.linksText(out);
        }
        String networkName = measuredNetwork != null ? "as measured (the slowest link)"
                : network + (latencyMicros != null || bandwidthGbps != null ? " (as given)" : "");
        out.printf(Locale.ROOT, "%s, %s, batch %d (%s scaling), network %s; times in ms per step%n%n", model, strategy,
                batchSize, scaling, networkName);
        List<String> columns = new ArrayList<>(List.of("P", "T", "Hosts", "Step", "Compute", "Communication", "Waiting",
                "Rest", "img/s", "Speedup", "Efficiency"));
        if (overlap) {
            columns.add(6, "Hidden");
        }
        TextTable table = TextTable.allNumeric(columns);
        for (Prediction p : predictions) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(p.procs()), String.valueOf(p.threads()),
                    String.valueOf(p.hosts()), ms(p.stepSeconds()) + (p.oversubscribed() ? " *" : ""), ms(p.computeSeconds()),
                    ms(p.communicationSeconds()), ms(p.waitSeconds()), ms(p.restSeconds()),
                    String.format(Locale.ROOT, "%,.0f", p.imagesPerSecond()), String.format(Locale.ROOT, "%.2f×", p.speedup()),
                    String.format(Locale.ROOT, "%.0f %%", 100 * p.efficiency())));
            if (overlap) {
                row.add(6, ms(p.hiddenSeconds()));
            }
            table.add(row);
        }
        table.print(out, markdown);
        if (predictions.stream().anyMatch(Prediction::oversubscribed)) {
            out.println("\n* oversubscribed: more busy native threads on a host than it has cores; compute is time-shared.");
        }
        if (overlap) {
            out.printf(Locale.ROOT, "%nOverlap in buckets of about %d kB: Communication is what the step waits for after the "
                    + "backward pass, Hidden what ran beside it (not part of the step).%n", bucketKb);
        }
        if (strategy.splitsLayers()) {
            out.printf(Locale.ROOT, "%nPipeline of P stages × %d microbatches: Waiting is the bubble, (P-1)/(%d+P-1) of the "
                    + "slowest stage's slots; Communication the first microbatch's messages between the stages.%n",
                    microbatches, microbatches);
        }
        out.println();
        for (int t : threads) {
            Scenario first = scenarios.stream().filter(s -> s.threads() == t).findFirst().orElseThrow();
            OptionalInt crossover = scalingModel.communicationOvertakesCompute(first);
            out.println("T = " + t + ": " + (crossover.isPresent()
                    ? "communication overtakes compute at " + crossover.getAsInt() + " workers"
                    : "communication stays below compute up to " + ScalingModel.CROSSOVER_SEARCH_LIMIT + " workers"));
        }
        if (validate) {
            validationText(out, checks, settings);
            if (cluster != null) {
                cluster.validationText(out, checks, markdown);
            }
        }
    }

    private void validationText(PrintWriter out, List<Validation.Check> checks, Validation.Settings settings) {
        out.printf(Locale.ROOT, "%nPredicted against measured on this machine (%d steps per epoch, median of %d timed epochs "
                + "after %d warm-up; error = (predicted − measured) / measured images/s; speedup error the same of the speedup "
                + "over the serial runs measured beside it):%n%n", settings.steps(), settings.repeats(), settings.warmup());
        TextTable table = TextTable.allNumeric(List.of("P", "T", "Predicted img/s", "Measured img/s", "Error",
                "Predicted speedup", "Measured speedup", "Speedup error"));
        for (Validation.Check check : checks) {
            Prediction p = check.predicted();
            String marker = p.oversubscribed() ? " (oversubscribed)" : "";
            if (check.failure().isPresent()) {
                table.add(List.of(String.valueOf(p.procs()), p.threads() + marker, rate(p.imagesPerSecond()), "—",
                        check.failure().get(), speedup(p.speedup()), "—", "—"));
            } else {
                table.add(List.of(String.valueOf(p.procs()), p.threads() + marker, rate(p.imagesPerSecond()),
                        rate(check.measuredImagesPerSecond()), signedPercent(check.error()),
                        speedup(p.speedup()), speedup(check.measuredSpeedup()),
                        Double.isNaN(check.speedupError()) ? "(baseline)" : signedPercent(check.speedupError())));
            }
        }
        table.print(out, markdown);
        double speedupError = Validation.medianAbsoluteSpeedupError(checks);
        out.printf(Locale.ROOT, "%nMedian absolute error: %.1f %% of images/s, %s%n", 100 * Validation.medianAbsoluteError(checks),
                Double.isNaN(speedupError) ? "no speedup to check (serial is the baseline)"
                        : String.format(Locale.ROOT, "%.1f %% of speedup", 100 * speedupError));
    }

    private ObjectNode jsonReport(Path file, MachineCalibration machine, ScalingModel scalingModel, List<Scenario> scenarios,
                                  List<Prediction> predictions, List<Validation.Check> checks) {
        ObjectNode report = Json.mapper().createObjectNode();
        ObjectNode used = report.putObject("calibration");
        used.put("file", file.toString());
        used.put("measuredAt", machine.measuredAt());
        used.set("machine", Json.mapper().valueToTree(machine.machine()));
        report.put("model", model).put("strategy", strategy.toString()).put("network", network)
                .put("scaling", scaling.toString()).put("batch", batchSize);
        report.set("predictions", Json.mapper().valueToTree(predictions));
        ObjectNode crossovers = report.putObject("communicationOvertakesComputeAtWorkers");
        for (int t : threads) {
            OptionalInt crossover = scalingModel.communicationOvertakesCompute(
                    scenarios.stream().filter(s -> s.threads() == t).findFirst().orElseThrow());
            if (crossover.isPresent()) {
                crossovers.put(String.valueOf(t), crossover.getAsInt());
            } else {
                crossovers.putNull(String.valueOf(t));
            }
        }
        if (validate) {
            ArrayNode validation = report.putArray("validation");
            for (Validation.Check check : checks) {
                ObjectNode entry = validation.addObject();
                entry.put("procs", check.predicted().procs()).put("threads", check.predicted().threads())
                        .put("oversubscribed", check.predicted().oversubscribed());
                Json.putNumber(entry, "predictedImagesPerSecond", check.predicted().imagesPerSecond());
                Json.putNumber(entry, "measuredImagesPerSecond", check.measuredImagesPerSecond());
                Json.putNumber(entry, "error", check.error());
                Json.putNumber(entry, "predictedSpeedup", check.predicted().speedup());
                Json.putNumber(entry, "measuredSpeedup", check.measuredSpeedup());
                Json.putNumber(entry, "speedupError", check.speedupError());
                check.failure().ifPresent(why -> entry.put("failure", why));
            }
            Json.putNumber(report, "medianAbsoluteError", Validation.medianAbsoluteError(checks));
            Json.putNumber(report, "medianAbsoluteSpeedupError", Validation.medianAbsoluteSpeedupError(checks));
        }
        return report;
    }

    /** An error as tables print it: "+12.3 %". */
    static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", 100 * fraction);
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds * 1e3);
    }

    private static String rate(double imagesPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", imagesPerSecond);
    }

    private static String speedup(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
