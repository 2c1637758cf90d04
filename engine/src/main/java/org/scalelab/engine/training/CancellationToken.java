package org.scalelab.engine.training;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks a run to stop. Any thread may cancel; the training thread checks before every step. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws RunCancelledException once {@link #cancel} has been called */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new RunCancelledException();
        }
    }
}
