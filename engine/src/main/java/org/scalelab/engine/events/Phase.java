package org.scalelab.engine.events;

import java.util.Locale;

/**
 * Where a worker's wall time goes. Together the phases account for all of an epoch, except
 * {@link #HIDDEN_COMMUNICATION}, which runs beside the backward pass and so is not part of the wall time.
 */
public enum Phase {
    /** Assembling a batch: indexing, normalising, augmenting, copying into the input array. */
    DATA,
    /** Forward pass, loss included. */
    FORWARD,
    BACKWARD,
    /**
     * Exchanging gradients or weights with other workers while the worker waits for it; zero when serial. With
     * {@code --overlap}, the communication still going on once the backward pass has ended (it was "waited for").
     */
    COMMUNICATION,
    /**
     * With {@code --overlap}: the allreduce time that the communication thread spent while the backward pass was still
     * running, so hidden behind it (PyTorch's profiler calls it "overlapping"). Not wall time: it happened during
     * {@link #BACKWARD}; hidden plus waited communication is the whole allreduce.
     */
    HIDDEN_COMMUNICATION,
    /** Applying the optimiser. */
    UPDATE,
    /** The test-set pass at the end of each epoch. */
    EVALUATION,
    /** Waiting for other workers; zero when serial. */
    IDLE;

    /** Whether the phase is part of the worker's wall time (all but {@link #HIDDEN_COMMUNICATION}). */
    public boolean wallTime() {
        return this != HIDDEN_COMMUNICATION;
    }

    /** Lower case: the spelling used in JSON and tables. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
