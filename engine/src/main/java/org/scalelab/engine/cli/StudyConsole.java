package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.studies.StudyListener;
import org.scalelab.engine.studies.StudyRecord;

/**
 * A study's progress on the error stream: before each cell, the whole study's bar (cells done of all, time left
 * at the pace so far); under it the cell's own bar over its steps, as {@code train} draws it.
 */
final class StudyConsole implements StudyListener, AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private int cellsRunThisSession;
    private ErrorStreamProgressBar cellBar;
    private int epochs;
    private int stepsPerEpoch;
    private int epoch;

    StudyConsole(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void cellStarted(StudyRecord study, StudyRecord.Cell cell) {
        long done = study.cellsDone();
        int total = study.cells().size();
        int filled = (int) (WIDTH * done / Math.max(1, total));
        err.printf(Locale.ROOT, "Study [%s%s] %d/%d cells%s — %s%s%n", "#".repeat(filled), " ".repeat(WIDTH - filled),
                done, total, eta(total - done), cell.label(), cell.repeat() > 0 ? ", repeat " + (cell.repeat() + 1) : "");
        err.flush();
    }

    @Override
    public void cellEvent(StudyRecord.Cell cell, RunEvent event) {
        if (event instanceof RunStarted started) {
            epochs = started.config().schedule().epochs();
            stepsPerEpoch = started.stepsPerEpoch();
        } else if (event instanceof StepCompleted step) {
            if (cellBar == null || step.epoch() != epoch) {
                closeBar();
                epoch = step.epoch();
                cellBar = new ErrorStreamProgressBar(err, "  epoch " + epoch + "/" + epochs, stepsPerEpoch, " steps", 1);
            }
            cellBar.stepTo(step.step());
        } else if (event instanceof EpochCompleted completed) {
            closeBar();
            err.printf(Locale.ROOT, "  epoch %d/%d: %,.0f img/s, test accuracy %.2f %%%n", completed.epoch(), epochs,
                    completed.imagesPerSecond(), 100 * completed.testAccuracy());
            err.flush();
        }
    }

    @Override
    public void cellEnded(StudyRecord study, StudyRecord.Cell cell) {
        closeBar();
        cellsRunThisSession++;
        err.println("  " + cell.status() + (cell.message() != null ? ": " + cell.message() : ""));
        err.flush();
    }

    /** At the pace of the cells run so far in this session; nothing before the first has ended. */
    private String eta(long cellsLeft) {
        if (cellsRunThisSession == 0) {
            return "";
        }
        Duration left = Duration.ofNanos((System.nanoTime() - startNanos) / cellsRunThisSession * cellsLeft);
        return String.format(Locale.ROOT, ", about %d:%02d left", left.toMinutes(), left.toSecondsPart());
    }

    private void closeBar() {
        if (cellBar != null) {
            cellBar.close();
            cellBar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
