package org.scalelab.engine.strategies;

import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.training.RunCancelledException;

/** A strategy's work for one epoch, inside the lifecycle {@link RunLifecycle} provides. */
@FunctionalInterface
public interface EpochRunner extends AutoCloseable {

    /**
     * Trains and evaluates one epoch, emitting its step events.
     *
     * @param epoch from 1
     * @throws RunCancelledException when cancelled part way
     */
    EpochCompleted run(int epoch);

    /** Releases threads and processes, however the run ended; a run that failed or was cancelled stops them. */
    @Override
    default void close() {
    }
}
