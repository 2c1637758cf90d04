package org.scalelab.engine.config;

import java.util.Locale;

/** How the learning rate changes from epoch to epoch. */
public enum ScheduleKind {
    CONSTANT,
    /** Multiplied by {@code gamma} every {@code stepSize} epochs. */
    STEP,
    /** Half a cosine from the base rate towards zero over the run's epochs. */
    COSINE;

    /** Lower case: the spelling used on the command line and in JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
