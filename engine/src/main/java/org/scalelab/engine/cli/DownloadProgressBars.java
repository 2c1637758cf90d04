package org.scalelab.engine.cli;

import java.io.PrintWriter;
import org.scalelab.engine.data.DownloadProgress;

/** One text progress bar per downloaded file, drawn on the command's error stream so the output stays clean. */
final class DownloadProgressBars implements DownloadProgress, AutoCloseable {

    private final PrintWriter err;
    private ErrorStreamProgressBar bar;
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
            bar = new ErrorStreamProgressBar(err, fileName, bytesTotal, small ? " kB" : " MB", small ? 1_000 : 1_000_000);
        }
        bar.stepTo(bytesDone);
    }

    /** Finishes the current bar, leaving it on its own line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
