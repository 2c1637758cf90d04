package org.scalelab.engine.training;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Asks a run to stop. Any thread may cancel; the training thread checks before every step. A token may also
 * follow an outside signal (Ctrl-C, a button), so the one asking need not know about tokens. A run can also be
 * stopped because it cannot go on ({@link #abort}): it then ends as failed, for that reason.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<RuntimeException> abortReason = new AtomicReference<>();
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

    /**
     * Stops the run because it cannot go on (its record can no longer be saved, say); the first reason given is
     * the one the run fails with.
     *
     * @param reason thrown where the run notices, its message the run's failure message
     */
    public void abort(RuntimeException reason) {
        abortReason.compareAndSet(null, reason);
    }

    /** Whether the run must stop, cancelled or aborted: what every loop checks. */
    public boolean isCancelled() {
        return cancelled.get() || abortReason.get() != null || signal.getAsBoolean();
    }

    /** Why the run was aborted, if it was: then it failed rather than being cancelled. */
    public Optional<RuntimeException> abortReason() {
        return Optional.ofNullable(abortReason.get());
    }

    /** @throws RuntimeException the abort's reason once aborted, else {@link RunCancelledException} once cancelled */
    public void throwIfCancelled() {
        RuntimeException reason = abortReason.get();
        if (reason != null) {
            throw reason;
        }
        if (isCancelled()) {
            throw new RunCancelledException();
        }
    }
}
