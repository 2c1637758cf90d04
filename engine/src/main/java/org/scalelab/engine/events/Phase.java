package org.scalelab.engine.events;

import java.util.Locale;

/** Where a worker's wall time goes. Together the phases account for all of an epoch. */
public enum Phase {
    /** Assembling a batch: indexing, normalising, augmenting, copying into the input array. */
    DATA,
    /** Forward pass, loss included. */
    FORWARD,
    BACKWARD,
    /** Exchanging gradients or weights with other workers; zero when serial. */
    COMMUNICATION,
    /** Applying the optimiser. */
    UPDATE,
    /** The test-set pass at the end of each epoch. */
    EVALUATION,
    /** Waiting for other workers; zero when serial. */
    IDLE;

    /** Lower case: the spelling used in JSON and tables. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
