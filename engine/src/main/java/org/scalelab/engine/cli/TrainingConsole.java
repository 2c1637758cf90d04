package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.runs.StalenessHistogram;

/**
 * What {@code scalelab train} shows while a run goes: a header, a progress bar over each epoch's steps on the
 * error stream, and one line per epoch and a closing line on the output stream.
 */
final class TrainingConsole implements RunProgressOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private int epochs;
    private int stepsPerEpoch;
    private ErrorStreamProgressBar bar;
    private final StalenessHistogram staleness = new StalenessHistogram();

    TrainingConsole(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunStarted started) {
            header(started);
        } else if (event instanceof StepCompleted step) {
            progress(step);
        } else if (event instanceof EpochCompleted epoch) {
            close();
            out.println(String.format(Locale.ROOT,
                    "epoch %d/%d  train loss %.4f acc %6.2f%%  test loss %.4f acc %6.2f%%  %,8.0f img/s  %6.2f s",
                    epoch.epoch(), epochs, epoch.trainLoss(), 100 * epoch.trainAccuracy(), epoch.testLoss(),
                    100 * epoch.testAccuracy(), epoch.imagesPerSecond(), epoch.epochSeconds()));
            out.flush();
        } else if (event instanceof UpdateStaleness || event instanceof RunResumed) {
            staleness.add(event);
        }
        if (event instanceof RanksFailed failed) {
            close();
            err.println(failed.describe());
            err.flush();
        } else if (event instanceof RunResumed resumed) {
            close();
            out.println(resumed.describe());
            out.flush();
        } else if (event instanceof RunFinished finished) {
            summary("Finished", finished.summary());
        } else if (event instanceof RunFailed failed) {
            close();
            err.println(failed.status() + ": " + failed.message());
            err.flush();
            summary(failed.status() == RunStatus.CANCELLED ? "Cancelled" : "Failed",
                    failed.summary());
        }
    }

    private void header(RunStarted started) {
        TrainingConfig config = started.config();
        epochs = config.schedule().epochs();
        stepsPerEpoch = started.stepsPerEpoch();
        out.println(String.format(Locale.ROOT,
                "Run %s: %s (%,d parameters) on %s (%,d train / %,d test images), %s, %s lr %s, batch %d, %s, seed %d",
                started.runId(), started.architecture().name(), started.parameterCount(), started.dataset().name(),
                started.trainImages(), started.testImages(), config.parallelism().strategy(), config.optimizer().kind(),
                config.schedule().learningRate(), config.schedule().batchSize(), epochs(config.schedule().epochs()), config.model().seed()));
        out.println(started.provenance().describe());
        out.flush();
        if (started.oversubscribed()) {
            err.println(config.placement().hosts() == null
                    ? String.format(Locale.ROOT, "warning: oversubscribed: %d workers (processes × threads) on %d cores; "
                            + "each gets less than a core, so this run's speed and speedup read low",
                            config.cores(), started.environment().logicalCores())
                    : String.format(Locale.ROOT, "warning: oversubscribed: %d ranks on fewer slots in %s; ranks share "
                            + "slots, so this run's speed and speedup read low", config.parallelism().processes(),
                            config.placement().hosts()));
            err.flush();
        }
    }

    private void progress(StepCompleted step) {
        if (bar == null) {
            bar = new ErrorStreamProgressBar(err, "epoch " + step.epoch() + "/" + epochs, stepsPerEpoch, " steps", 1);
        }
        bar.stepTo(step.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", step.loss()));
    }

    private void summary(String outcome, RunSummary summary) {
        if (summary.epochs() == 0) {
            // Nothing was measured: no accuracy, loss or speed to show, not even as NaN.
            out.println(outcome + ": no epoch completed");
            out.flush();
            return;
        }
        out.println(String.format(Locale.ROOT,
                "%s: %s, test accuracy %.2f%%, test loss %.4f, %.2f s training, %,.0f img/s",
                outcome, epochs(summary.epochs()), 100 * summary.testAccuracy(), summary.testLoss(), summary.trainSeconds(),
                summary.imagesPerSecond()));
        if (!staleness.isEmpty()) {
            out.println("Staleness: " + staleness.describe());
        }
        out.flush();
    }

    private static String epochs(int count) {
        return count + (count == 1 ? " epoch" : " epochs");
    }

    /** Finishes the current epoch's bar, leaving it on its own line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
