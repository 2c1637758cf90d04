package org.scalelab.engine.training;

/** Unwinds a run from wherever the cancellation was noticed; the run then ends as cancelled. */
public final class RunCancelledException extends RuntimeException {

    public RunCancelledException() {
        super("cancelled", null, false, false);
    }
}
