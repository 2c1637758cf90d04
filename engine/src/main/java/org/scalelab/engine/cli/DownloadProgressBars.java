package org.scalelab.engine.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.scalelab.engine.data.DownloadProgress;

/** One text progress bar per downloaded file, drawn on the command's error stream so the output stays clean. */
final class DownloadProgressBars implements DownloadProgress, AutoCloseable {

    /** Fixed so the bar never asks the terminal for its width, which fails when output is not a terminal. */
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private ProgressBar bar;
    private String file;

    DownloadProgressBars(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String fileName, long bytesDone, long bytesTotal) {
        if (!fileName.equals(file)) {
            close();
            file = fileName;
            // Label files are a few kB: in MB their bar would read 0/0.
            boolean small = bytesTotal >= 0 && bytesTotal < 10_000_000;
            bar = new ProgressBarBuilder()
                    .setTaskName(fileName)
                    .setInitialMax(bytesTotal)
                    .setUnit(small ? " kB" : " MB", small ? 1_000 : 1_000_000)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new DelegatingProgressBarConsumer(this::draw, WIDTH))
                    .build();
        }
        bar.stepTo(bytesDone);
    }

    private void draw(String rendered) {
        err.print('\r');
        err.print(rendered);
        err.flush();
    }

    /** Finishes the current bar, leaving it on its own line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
            bar = null;
        }
    }
}
