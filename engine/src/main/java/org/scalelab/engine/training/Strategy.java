package org.scalelab.engine.training;

import java.util.Locale;

/**
 * How workers combine their work. The names are fixed now so that configurations and run records stay
 * readable as the parallel strategies arrive; {@link Trainers} says which ones can run in this version.
 */
public enum Strategy {
    /** One worker, the reference every speedup is measured against. */
    SERIAL,
    /** Data parallel: every worker's gradient is summed by an all-reduce each step (Studies A, B, E; DDP). */
    ALLREDUCE,
    /** Workers train on their part, then a master averages their weights (Study C). */
    AVERAGING,
    /** A central master collects gradients, updates and sends weights back (Study D's DataParallel). */
    MASTER;

    /** Lower case: the spelling used on the command line and in JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
