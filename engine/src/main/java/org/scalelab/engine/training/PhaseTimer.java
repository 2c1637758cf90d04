package org.scalelab.engine.training;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.scalelab.engine.events.Phase;

/**
 * One worker's stopwatch over {@link Phase}s. The worker says which phase it enters; the time since the
 * previous {@link #enter} is charged to the previous phase. Nothing falls between phases, so the totals
 * add up to the wall time, and a switch costs one {@code nanoTime} call and an array add.
 * Not thread-safe: each worker owns its timer, and it is read once the worker's epoch has ended.
 */
public final class PhaseTimer {
    private static final Phase[] PHASES = Phase.values();

    private final LongSupplier clock;
    private final long[] nanos = new long[PHASES.length];
    private Phase current;
    private long since;

    public PhaseTimer() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, monotonic (tests pass a fake one) */
    PhaseTimer(LongSupplier clock) {
        this.clock = clock;
    }

    /** Ends the current phase, if any, and starts {@code phase}. */
    public void enter(Phase phase) {
        long now = clock.getAsLong();
        if (current != null) {
            nanos[current.ordinal()] += now - since;
        }
        current = phase;
        since = now;
    }

    /** Ends the current phase; time passes uncounted until the next {@link #enter}. */
    public void stop() {
        enter(null);
    }

    /**
     * Re-charges time already counted to one phase to another: a collective is timed as communication, then
     * the part of it spent waiting for the slowest worker, which only the communicator can tell, moves to idle.
     */
    public void move(long amount, Phase from, Phase to) {
        nanos[from.ordinal()] -= amount;
        nanos[to.ordinal()] += amount;
    }

    /** Stops and zeroes every total, for the next epoch. */
    public void reset() {
        current = null;
        Arrays.fill(nanos, 0);
    }

    public double seconds(Phase phase) {
        return nanos[phase.ordinal()] / 1e9;
    }

    /** Every phase's total in seconds, in phase order, zeros included. */
    public Map<Phase, Double> secondsByPhase() {
        Map<Phase, Double> seconds = new EnumMap<>(Phase.class);
        for (Phase phase : PHASES) {
            seconds.put(phase, seconds(phase));
        }
        return Collections.unmodifiableMap(seconds);
    }
}
