package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.config.CommandLineArgs;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.ReportTable.Cell;
import org.scalelab.engine.report.ReportTable.Column;
import org.scalelab.engine.report.ReportTable.Unit;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.runs.BytesSent;
import org.scalelab.engine.runs.HiddenCommunication;
import org.scalelab.engine.runs.PipelineBubble;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.StalenessHistogram;
import org.scalelab.engine.runs.speedup.Baselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab runs show ID}: one run in full — what it was, where it ran, how it ended, epoch by epoch. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print one run: its settings, machine and epochs.")
final class RunsShowCommand implements Callable<Integer> {
    private static final List<Column> EPOCHS = List.of(
            new Column("Epoch", "epoch", Unit.INTEGER),
            new Column("Train loss", "train_loss", Unit.DECIMAL),
            new Column("Train accuracy", "train_accuracy", Unit.PERCENT),
            new Column("Test loss", "test_loss", Unit.DECIMAL),
            new Column("Test accuracy", "test_accuracy", Unit.PERCENT),
            new Column("Train time", "train_seconds", Unit.SECONDS),
            new Column("Images/s", "images_per_second", Unit.RATE));

    @Parameters(paramLabel = "ID", description = "The run's id (see: scalelab runs list).")
    String runId;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunStore store = runs.store();
        RunRecord run = store.load(runId);
        PrintWriter out = spec.commandLine().getOut();
        out.println(run.name() + " (" + run.runId() + ")");
        out.println("State:     " + run.status() + failure(run));
        out.println("Started:   " + (run.startedAt() == null ? "unknown" : RunTables.minute(run.startedAt())));
        out.println("Run:       " + run.config().model().name() + " on " + run.config().data().dataset() + ", "
                + run.config().parallelism().label() + ", global batch " + run.config().globalBatchSize());
        new Baselines(store.list().records()).eligibleFor(run).stream().findFirst().ifPresent(baseline ->
                out.println("Baseline:  " + RunTables.describe(baseline)));
        if (run.environment() != null) {
            out.println("Machine:   " + run.environment().describe());
        }
        started(run).ifPresent(started -> {
            out.println(String.format(java.util.Locale.ROOT, "Dataset:   %s, %,d train / %,d test images%s",
                    started.dataset().name(), started.trainImages(), started.testImages(),
                    started.oversubscribed() ? "; oversubscribed" : ""));
            if (started.provenance() != null) {
                out.println("Software:  " + started.provenance().describe());
            }
        });
        BytesSent.of(run).ifPresent(sent -> out.println("Sent:      " + sent.describe()));
        HiddenCommunication.of(run).ifPresent(overlap -> out.println("Exchange:  " + overlap.describe()));
        PipelineBubble.of(run).ifPresent(bubble -> out.println("Bubble:    " + bubble.describe()));
        int bound = run.config().parallelism().maxStaleness();
        StalenessHistogram.of(run).ifPresent(staleness -> out.println("Staleness: " + staleness.describe()
                + (bound == 0 ? " (no bound)" : " (bound " + bound + ")")));
        if (!run.tags().isEmpty()) {
            out.println("Tags:      " + String.join(", ", run.tags()));
        }
        out.println("Again:     scalelab train " + String.join(" ", CommandLineArgs.of(run.config())));
        out.println("Files:     " + String.join(", ", store.filesOf(runId).stream().map(Object::toString).toList()));
        out.print(TableFormat.TEXT.render(epochs(run)));
        out.flush();
        return 0;
    }

    private static String failure(RunRecord run) {
        return run.events().stream().filter(RunFailed.class::isInstance).map(RunFailed.class::cast).findFirst()
                .map(failed -> ": " + failed.message()).orElse("");
    }

    private static java.util.Optional<RunStarted> started(RunRecord run) {
        return run.events().stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast).findFirst();
    }

    private static ReportTable epochs(RunRecord run) {
        List<List<Cell>> rows = new ArrayList<>();
        for (var event : run.events()) {
            if (event instanceof EpochCompleted epoch) {
                rows.add(List.of(Cell.number(epoch.epoch()), Cell.number(epoch.trainLoss()),
                        Cell.number(epoch.trainAccuracy()), Cell.number(epoch.testLoss()), Cell.number(epoch.testAccuracy()),
                        Cell.number(epoch.trainSeconds()), Cell.number(epoch.images() / epoch.trainSeconds())));
            }
        }
        return new ReportTable("Epochs", EPOCHS, rows);
    }
}
