package org.scalelab.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.parallel.launch.ParentWatch;
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
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab train}: one run, reported as it goes and saved as a run record. Its training options come from
 * {@link org.scalelab.engine.config.TrainingOptions} through {@link TrainingOptionsCli}; the rest are its own.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = TrainingOptionsCli.class,
        description = "Train a model on a dataset, print one line per epoch and save the run record. "
                + "Ctrl-C stops after the current step and saves the record as cancelled.")
public final class TrainCommand implements Callable<Integer>, TrainingOptionsCli.Target {
    /** What the training options typed set; the others keep their defaults. */
    private final OptionValues options = OptionValues.defaults();

    @Mixin
    RunsDirOption runs;

    @Mixin
    DataDirOption data;

    @Option(names = "--save-weights", paramLabel = "FILE",
            description = "Save the trained parameters to FILE (magic SLW1, count, little-endian float32).")
    Path weightsFile;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Continue run RUN_ID (cancelled, failed or finished) from its last checkpoint "
                    + "(see --checkpoint-every) to its planned epochs, or to --epochs N, appending to its record. "
                    + "Takes no other training option.")
    String resumeRunId;

    @Option(names = "--json", description = "End with one line of JSON describing the result (progress goes to stderr).")
    boolean json;

    @Option(names = "--name", paramLabel = "NAME", description = "What to call the run in listings (default: its id).")
    String name;

    @Option(names = "--tag", paramLabel = "TAG", description = "A label for grouping runs; repeat for several.")
    Set<String> tags = new TreeSet<>();

    @Option(names = "--event-lines", hidden = true,
            description = "Print every event as one line of JSON on stdout instead of progress: a study reads them.")
    boolean eventLines;

    @Option(names = "--exit-with-parent", hidden = true,
            description = "End when the process that started this one ends (its standard input closes).")
    boolean exitWithParent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunStore store = runs.writableStore();
        DatasetCatalog catalog = data.catalog();
        ResumedRun resumed = resumeRunId == null ? null : ResumedRun.prepare(store, resumeRunId, typedEpochs(), catalog);
        RunPlan plan = resumed != null ? resumed.plan() : newPlan(store, catalog);
        Trainer trainer = Trainers.forConfig(plan.config(), catalog);
        if (weightsFile != null) {
            plan = plan.savingWeightsTo(weightsFile);
        }
        if (exitWithParent) {
            ParentWatch.exitWhenParentGoes();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Everything up to the last output line happens inside: Ctrl-C's hook holds the exit until then.
        try (CancelOnShutdown ctrlC = new CancelOnShutdown();
             RunProgressOutput progress = eventLines ? new EventLines(out) : new TrainingConsole(out, err)) {
            CancellationToken cancellation = new CancellationToken(ctrlC);
            RunRecorder recorder = resumed != null ? RunRecorder.goingOn(store, resumed.record(), cancellation::abort)
                    : new RunRecorder(store, name, tags, cancellation::abort);
            RunSummary summary = trainer.train(plan, RunListeners.fanOut(recorder, progress), cancellation);
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

    /** A new run, checkpointing beside its record (when --checkpoint-every asks for checkpoints). */
    private RunPlan newPlan(RunStore store, DatasetCatalog catalog) {
        RunPlan plan = RunPlan.prepare(options.build().validate(), catalog);
        return plan.checkpointingTo(store.checkpointOf(plan.runId()));
    }

    /**
     * With {@code --resume}, the epochs to go on to, or null for the planned ones.
     *
     * @throws ParameterException when a training option other than --epochs, or --name or --tag, was given
     */
    private Integer typedEpochs() {
        ParseResult typed = spec.commandLine().getParseResult();
        List<String> refused = typed.matchedOptions().stream().map(OptionSpec::longestName)
                .filter(option -> TrainingOptions.ALL.stream().anyMatch(o -> o.cliNames().contains(option))
                        || option.equals("--name") || option.equals("--tag"))
                .filter(option -> !option.equals(TrainingOptions.EPOCHS.cliName()))
                .toList();
        if (!refused.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume goes on with the run's recorded configuration, "
                    + "name and tags; only " + TrainingOptions.EPOCHS.cliName() + " may be given with it (not "
                    + String.join(", ", refused) + ")");
        }
        return typed.hasMatchedOption(TrainingOptions.EPOCHS.cliName()) ? options.get(TrainingOptions.EPOCHS) : null;
    }

    @Override
    public OptionValues trainingOptions() {
        return options;
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
}
