package org.scalelab.engine.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A text progress bar on a command's error stream, so that standard output stays clean for results. Plain ASCII
 * and of fixed width: asking the terminal for its width fails when output is not a terminal.
 */
final class ErrorStreamProgressBar implements AutoCloseable {
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final ProgressBar bar;

    /** @param unitSize how many counted items make one {@code unit} (1,000,000 bytes make " MB") */
    ErrorStreamProgressBar(PrintWriter err, String task, long max, String unit, long unitSize) {
        this.err = err;
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new DelegatingProgressBarConsumer(this::draw, WIDTH))
                .build();
    }

    void stepTo(long done) {
        bar.stepTo(done);
    }

    /** Text shown after the bar, e.g. the latest loss. */
    void setExtraMessage(String message) {
        bar.setExtraMessage(message);
    }

    private void draw(String rendered) {
        err.print('\r');
        err.print(rendered);
        err.flush();
    }

    /** Finishes the bar, leaving it on its own line. */
    @Override
    public void close() {
        bar.close();
        err.println();
        err.flush();
    }
}
