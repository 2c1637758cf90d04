package org.scalelab.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.ScheduleKind;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunStoreException;
import org.scalelab.engine.strategies.Trainer;
import org.scalelab.engine.strategies.Trainers;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab train}: one run, reported as it goes and saved as a run record. Option fields carry the names
 * of the {@link TrainingConfig} fields they set, so validation messages can name the option the user typed.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a model on a dataset, print one line per epoch and save the run record. "
                + "Ctrl-C stops after the current step and saves the record as cancelled.")
public final class TrainCommand implements Callable<Integer> {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (see: scalelab datasets). Default: ${DEFAULT-VALUE}.")
    String dataset = DEFAULTS.dataset();

    @Option(names = "--model", paramLabel = "PRESET|FILE", description = "Preset name or architecture file. Default: ${DEFAULT-VALUE}.")
    String model = DEFAULTS.model();

    @Option(names = "--epochs", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--optimizer", paramLabel = "NAME", converter = OptimizerKindConverter.class, description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OptimizerKind optimizer = DEFAULTS.optimizer();

    @Option(names = "--momentum", paramLabel = "μ", description = "For momentum. Default: ${DEFAULT-VALUE}.")
    double momentum = DEFAULTS.momentum();

    @Option(names = "--beta1", paramLabel = "β1", description = "For adam. Default: ${DEFAULT-VALUE}.")
    double adamBeta1 = DEFAULTS.adamBeta1();

    @Option(names = "--beta2", paramLabel = "β2", description = "For adam. Default: ${DEFAULT-VALUE}.")
    double adamBeta2 = DEFAULTS.adamBeta2();

    @Option(names = "--epsilon", paramLabel = "ε", description = "For adam. Default: ${DEFAULT-VALUE}.")
    double adamEpsilon = DEFAULTS.adamEpsilon();

    @Option(names = "--weight-decay", paramLabel = "λ", description = "L2 penalty. Default: ${DEFAULT-VALUE}.")
    double weightDecay = DEFAULTS.weightDecay();

    @Option(names = "--schedule", paramLabel = "NAME", converter = ScheduleKindConverter.class, description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ScheduleKind schedule = DEFAULTS.schedule();

    @Option(names = "--step-size", paramLabel = "EPOCHS", description = "For step: epochs between drops. Default: ${DEFAULT-VALUE}.")
    int stepSize = DEFAULTS.stepSize();

    @Option(names = "--gamma", paramLabel = "FACTOR", description = "For step: factor of each drop. Default: ${DEFAULT-VALUE}.")
    double gamma = DEFAULTS.gamma();

    @Option(names = "--seed", paramLabel = "N", description = "Fixes weights, order and augmentation. Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--augment", description = "Random shifts (and flips of colour images) while training.")
    boolean augment = DEFAULTS.augment();

    @Option(names = "--strategy", paramLabel = "NAME", converter = StrategyConverter.class, description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Strategy strategy = DEFAULTS.strategy();

    @Option(names = {"--procs", "--processes"}, paramLabel = "P",
            description = "MPJ ranks (mpj, hybrid, mpj-multicore, param-avg). Default: ${DEFAULT-VALUE}.")
    int processes = DEFAULTS.processes();

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads per process (threads, hybrid, "
            + "param-avg) or native threads per worker (intra-op, mpj, mpj-multicore). Default: ${DEFAULT-VALUE}.")
    int threads = DEFAULTS.threads();

    @Option(names = "--scaling", paramLabel = "NAME", converter = ScalingConverter.class, description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Scaling scaling = DEFAULTS.scaling();

    @Option(names = "--average-every", paramLabel = "K",
            description = "param-avg: local steps between averagings, 0 for once per epoch. Default: ${DEFAULT-VALUE}.")
    int averagingPeriod = DEFAULTS.averagingPeriod();

    @Option(names = "--via-master", description = "param-avg: gather to rank 0, average there and broadcast back.")
    boolean viaMaster;

    @Option(names = "--allreduce", paramLabel = "NAME", converter = AllreduceConverter.class,
            description = "How MPJ ranks sum: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    AllreduceAlgorithm allreduce = DEFAULTS.allreduce();

    @Option(names = "--steps-per-epoch", paramLabel = "N", description = "Train at most N steps per epoch (0: all).")
    int stepLimit = DEFAULTS.stepLimit();

    @Option(names = "--hosts", paramLabel = "FILE", description = "Spread MPJ ranks over the machines of FILE "
            + "(one host per line, optional slots=N; ranks start there through ssh).")
    Path hosts;

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Where run records go (default: $SCALELAB_HOME/runs, else ~/.local/share/scalelab/runs).")
    Path runsDir;

    @Mixin
    DataDirOption data;

    @Option(names = "--save-weights", paramLabel = "FILE",
            description = "Save the trained parameters to FILE (magic SLW1, count, little-endian float32).")
    Path weightsFile;

    @Option(names = "--json", description = "End with one line of JSON describing the result (progress goes to stderr).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TrainingConfig config = config().validate();
        DatasetCatalog catalog = data.catalog();
        Trainer trainer = Trainers.forConfig(config, catalog);
        RunPlan plan = RunPlan.prepare(config, catalog);
        if (weightsFile != null) {
            plan = plan.savingWeightsTo(weightsFile);
        }
        RunRecorder recorder = new RunRecorder(new RunStore(runsDir != null ? runsDir : RunStore.defaultDirectory()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Everything up to the last output line happens inside: Ctrl-C's hook holds the exit until then.
        try (CancelOnShutdown ctrlC = new CancelOnShutdown(); TrainingConsole console = new TrainingConsole(out, err)) {
            RunSummary summary = trainer.train(plan, RunListeners.fanOut(recorder, console), new CancellationToken(ctrlC));
            RunStoreException saveFailure = recorder.saveFailure().orElse(null);
            if (saveFailure != null) {
                err.println("error: " + saveFailure.getMessage());
            }
            Path recordPath = saveFailure == null ? recorder.path().orElse(null) : null;
            if (json) {
                out.println(resultJson(summary, recordPath));
            } else if (recordPath != null) {
                out.println("Run record: " + recordPath);
            }
            out.flush();
            return exitCode(summary.status(), saveFailure != null);
        }
    }

    private TrainingConfig config() {
        return TrainingConfig.builder().dataset(dataset).model(model).epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).optimizer(optimizer).momentum(momentum).adamBeta1(adamBeta1)
                .adamBeta2(adamBeta2).adamEpsilon(adamEpsilon).weightDecay(weightDecay).schedule(schedule)
                .stepSize(stepSize).gamma(gamma).seed(seed).augment(augment).strategy(strategy)
                .processes(processes).threads(threads).scaling(scaling).averagingPeriod(averagingPeriod)
                .viaMaster(viaMaster).allreduce(allreduce).stepLimit(stepLimit)
                .hosts(hosts == null ? null : hosts.toString()).build();
    }

    /** The summary's fields plus where the record is, as one line for scripts. */
    private static String resultJson(RunSummary summary, Path recordPath) {
        ObjectNode result = Json.mapper().valueToTree(summary);
        result.put("recordPath", recordPath == null ? null : recordPath.toString());
        try {
            return Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary is always writable", e);
        }
    }

    private static int exitCode(RunStatus status, boolean recordLost) {
        return switch (status) {
            case CANCELLED -> DatasetsCommand.CANCELLED;
            case FAILED -> CliErrors.FAILED;
            default -> recordLost ? CliErrors.FAILED : 0;
        };
    }

    static final class AllreduceConverter extends LowerCaseEnumConverter<AllreduceAlgorithm> {
        AllreduceConverter() {
            super(AllreduceAlgorithm.class);
        }
    }

    static final class OptimizerKindConverter extends LowerCaseEnumConverter<OptimizerKind> {
        OptimizerKindConverter() {
            super(OptimizerKind.class);
        }
    }

    static final class ScheduleKindConverter extends LowerCaseEnumConverter<ScheduleKind> {
        ScheduleKindConverter() {
            super(ScheduleKind.class);
        }
    }

    static final class StrategyConverter extends LowerCaseEnumConverter<Strategy> {
        StrategyConverter() {
            super(Strategy.class);
        }
    }

    static final class ScalingConverter extends LowerCaseEnumConverter<Scaling> {
        ScalingConverter() {
            super(Scaling.class);
        }
    }
}
