package org.scalelab.engine.training;

import java.util.List;
import org.scalelab.engine.events.EpochCompleted;

/**
 * Where a run starts: from nothing, or after the epochs of a checkpoint, whose results it keeps so that its
 * summary covers the whole run.
 *
 * @param afterEpoch the checkpoint's epoch; 0 for a fresh start
 * @param earlier    the results of epochs 1 to {@code afterEpoch}, as the run's record holds them
 */
public record Resumption(int afterEpoch, List<EpochCompleted> earlier) {
    /** A fresh start. */
    public static final Resumption NONE = new Resumption(0, List.of());

    public Resumption {
        earlier = List.copyOf(earlier);
        if (afterEpoch < 0) {
            throw new IllegalArgumentException("afterEpoch " + afterEpoch);
        }
    }

    public boolean resumes() {
        return afterEpoch > 0;
    }
}
