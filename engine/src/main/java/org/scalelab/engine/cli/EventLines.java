package org.scalelab.engine.cli;

import java.io.PrintWriter;
import org.scalelab.engine.events.EventJson;
import org.scalelab.engine.events.RunEvent;

/**
 * Every event of a run as one line of JSON ({@link EventJson}) on standard output, flushed at once: how a study
 * running the run in a JVM of its own follows it.
 */
final class EventLines implements RunProgressOutput {
    private final PrintWriter out;

    EventLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        out.println(EventJson.toLine(event));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
