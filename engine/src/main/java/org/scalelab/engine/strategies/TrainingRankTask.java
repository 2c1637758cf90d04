package org.scalelab.engine.strategies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.EventJson;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.ArchitectureFiles;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.launch.RankTask;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;

/**
 * What each rank of a multi-process run does: open the dataset from the same catalog as the application, train
 * its workers (or its pipeline stage) epoch by epoch, and report as JSON event lines — the reporting rank every
 * step, every rank each epoch with its workers' phases — which {@link RankEpochs} merges into the run's events. Between them, every rank sends
 * heartbeats with its last step and progress ({@link HeartbeatSender}).
 */
public final class TrainingRankTask implements RankTask {

    /**
     * The task's arguments, in order: configuration, architecture, catalog folders, weights file or "",
     * checkpoint file or "", and the checkpoint's epoch to resume from (0 for a fresh start).
     */
    static List<String> arguments(RunPlan plan, DatasetCatalog catalog) {
        List<String> args = new ArrayList<>();
        try {
            args.add(Json.mapper().writeValueAsString(plan.config()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a configuration is always writable", e);
        }
        args.add(ArchitectureFiles.toJson(plan.architecture()));
        args.add(catalog.cacheDir().toAbsolutePath().toString());
        args.add(catalog.installedFashionMnistDir() == null ? "" : catalog.installedFashionMnistDir().toString());
        args.add(plan.weightsFile() == null ? "" : plan.weightsFile().toAbsolutePath().toString());
        args.add(plan.checkpointFile() == null ? "" : plan.checkpointFile().toAbsolutePath().toString());
        args.add(String.valueOf(plan.resumption().afterEpoch()));
        return args;
    }

    @Override
    public void run(Communicator communicator, List<String> args, Consumer<String> output) throws Exception {
        TrainingConfig config = Json.mapper().readValue(args.get(0), TrainingConfig.class).validate();
        // From the start: loading the dataset may take a while, and the application must hear from the rank.
        try (HeartbeatSender heartbeat = new HeartbeatSender(RankHeartbeat.interval(config.placement().rankTimeout()),
                output)) {
            Architecture architecture = ArchitectureFiles.parse(args.get(1), "the run's architecture");
            Path installed = args.get(3).isEmpty() ? DatasetCatalog.DEFAULT_INSTALLED_FASHION_MNIST : Path.of(args.get(3));
            Dataset dataset = new DatasetCatalog(Path.of(args.get(2)), installed, (java.net.URI) null).load(config.data().dataset());
            Path weights = args.get(4).isEmpty() ? null : Path.of(args.get(4));
            WorkerFiles files = new WorkerFiles(weights, args.get(5).isEmpty() ? null : Path.of(args.get(5)),
                    Integer.parseInt(args.get(6)));
            InjectedFault fault = InjectedFault.of(config.recovery().fault(), communicator.rank());
            // The run's steps are its reporting rank's (rank 0's, async's first worker's, a pipeline's last stage's);
            // every rank has a timeline of its own, and the server reports its updates' staleness.
            boolean reportsSteps = communicator.rank()
                    == config.parallelism().strategy().stepReportingRank(config.parallelism().processes());
            RunListener steps = event -> {
                if (event instanceof StepCompleted step) {
                    heartbeat.stepped(step.globalStep());
                } else if (event instanceof UpdateStaleness served) {
                    heartbeat.stepped(served.globalStep());
                }
                if (reportsSteps || !(event instanceof StepCompleted)) {
                    output.accept(EventJson.toLine(event));
                }
                if (event instanceof StepCompleted step) {
                    fault.afterStep(step);
                }
            };
            CancellationToken cancellation = new CancellationToken(heartbeat::checkIn);
            try (EpochRunner workers = config.parallelism().strategy().splitsLayers()
                    ? new PipelineRank(config, architecture, dataset, communicator, steps, cancellation, files)
                    : new LocalWorkers(config, architecture, dataset, communicator, steps, cancellation, files)) {
                for (int epoch = files.resumeAfterEpoch() + 1; epoch <= config.schedule().epochs(); epoch++) {
                    output.accept(EventJson.toLine(workers.run(epoch)));
                }
            }
        }
    }
}
