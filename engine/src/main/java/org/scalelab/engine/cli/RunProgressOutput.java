package org.scalelab.engine.cli;

import org.scalelab.engine.events.RunListener;

/** How {@code train} shows a run as it goes: for a person ({@link TrainingConsole}) or for a program ({@link EventLines}). */
interface RunProgressOutput extends RunListener, AutoCloseable {
    @Override
    void close();
}
