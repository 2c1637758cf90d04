package org.scalelab.engine.training;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Asks a run to stop. Any thread may cancel; the training thread checks before every step. A token may also
 * follow an outside signal (Ctrl-C, a button), so the one asking need not know about tokens.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BooleanSupplier signal;

    public CancellationToken() {
        this(() -> false);
    }

    /** @param signal cancelled as soon as this returns true; polled before every step, so it must be cheap */
    public CancellationToken(BooleanSupplier signal) {
        this.signal = signal;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || signal.getAsBoolean();
    }

    /** @throws RunCancelledException once cancelled */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new RunCancelledException();
        }
    }
}
