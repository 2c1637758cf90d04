package org.scalelab.engine.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.PhaseSlice;

/**
 * One worker's stopwatch over {@link Phase}s. The worker says which phase it enters; the time since the
 * previous {@link #enter} is charged to the previous phase. Nothing falls between phases, so the totals
 * add up to the wall time, and a switch costs one {@code nanoTime} call and a few array stores.
 *
 * <p>It also keeps the slices since the last {@link #cut}, for the timeline, in arrays allocated once: a step
 * whose slices are not wanted costs nothing more ({@link #discard}).
 * <p>With {@code --overlap} the worker's communication thread works beside it: its stretches of allreduce come in
 * afterwards ({@link #communicationThread}), on a track of their own, and the part of them that ran before the
 * backward pass ended counts as {@link Phase#HIDDEN_COMMUNICATION}, outside the wall time.
 *
 * <p>Not thread-safe: each worker owns its timer, and it is read once the worker's epoch has ended.
 */
public final class PhaseTimer {
    private static final Phase[] PHASES = Phase.values();
    /**
     * More phase switches than a step or an epoch's end makes (a pipeline stage's step switches about ten times per
     * microbatch); beyond it, slices merge into the last one.
     */
    private static final int MAX_SLICES = 256;

    private final LongSupplier clock;
    private final long[] nanos = new long[PHASES.length];
    private final long originNanos;
    private final long originMicros;
    private Phase current;
    private long since;
    private String currentCollective;
    private long currentBytes;

    private final Phase[] slicePhase = new Phase[MAX_SLICES];
    private final long[] sliceStart = new long[MAX_SLICES];
    private final long[] sliceEnd = new long[MAX_SLICES];
    private final String[] sliceCollective = new String[MAX_SLICES];
    private final long[] sliceBytes = new long[MAX_SLICES];
    private int slices;
    private final List<PhaseSlice> communicationThread = new ArrayList<>();

    public PhaseTimer() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, monotonic (tests pass a fake one) */
    PhaseTimer(LongSupplier clock) {
        this.clock = clock;
        this.originNanos = clock.getAsLong();
        Instant now = Instant.now();
        this.originMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Ends the current phase, if any, and starts {@code phase}. */
    public void enter(Phase phase) {
        enter(phase, null, 0);
    }

    /** Starts a phase of communication in a collective that moves {@code bytes} of this worker's. */
    public void enter(Phase phase, String collective, long bytes) {
        long now = clock.getAsLong();
        if (current != null) {
            nanos[current.ordinal()] += now - since;
            keepSlice(current, since, now);
        }
        current = phase;
        since = now;
        currentCollective = collective;
        currentBytes = bytes;
    }

    /** Ends the current phase; time passes uncounted until the next {@link #enter}. */
    public void stop() {
        enter(null);
    }

    /**
     * Re-charges time already counted to one phase to another: a collective is timed as communication, then
     * the part of it spent waiting for the slowest worker, which only the communicator can tell, moves to idle.
     * On the timeline the waiting comes first, as it does in a collective: the last slice of {@code from} is
     * split.
     */
    public void move(long amount, Phase from, Phase to) {
        nanos[from.ordinal()] -= amount;
        nanos[to.ordinal()] += amount;
        for (int i = slices - 1; i >= 0 && amount > 0; i--) {
            if (slicePhase[i] == from) {
                splitSlice(i, Math.min(amount, sliceEnd[i] - sliceStart[i]), to);
                return;
            }
        }
    }

    /**
     * One stretch of the communication thread's work, from {@code startNanos} to {@code endNanos} on this timer's
     * clock: a slice of its track, and hidden communication's time when that is its phase. Its other phases
     * (communication waited for, waiting for peers) are the worker's own phases at the same moments, already counted.
     */
    public void communicationThread(Phase phase, long startNanos, long endNanos, String collective, long bytes) {
        if (endNanos <= startNanos) {
            return;
        }
        if (phase == Phase.HIDDEN_COMMUNICATION) {
            nanos[phase.ordinal()] += endNanos - startNanos;
        }
        communicationThread.add(new PhaseSlice(phase, micros(startNanos), micros(endNanos) - micros(startNanos),
                collective, bytes));
    }

    /** This timer's clock now, for stretches of the communication thread. */
    public long now() {
        return clock.getAsLong();
    }

    /** The communication thread's slices since the last call, in time order; empty without overlap. */
    public List<PhaseSlice> cutCommunicationThread() {
        List<PhaseSlice> cut = List.copyOf(communicationThread);
        communicationThread.clear();
        return cut;
    }

    /** Stops and zeroes every total, for the next epoch. */
    public void reset() {
        current = null;
        slices = 0;
        communicationThread.clear();
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

    /**
     * The slices since the last cut, up to now: the current phase goes on, in a new slice. Every moment since
     * the timer was reset is in exactly one slice of one cut (or discarded), so a step's slices adjoin.
     */
    public List<PhaseSlice> cut() {
        if (current != null) {
            enter(current, currentCollective, currentBytes);
        }
        List<PhaseSlice> cut = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            // Both ends rounded the same way, so that slices that adjoin in nanoseconds adjoin in microseconds.
            cut.add(new PhaseSlice(slicePhase[i], micros(sliceStart[i]), micros(sliceEnd[i]) - micros(sliceStart[i]),
                    sliceCollective[i], sliceBytes[i]));
        }
        slices = 0;
        return cut;
    }

    /** Drops the slices since the last cut, for a step the timeline does not keep. */
    public void discard() {
        if (current != null) {
            enter(current, currentCollective, currentBytes);
        }
        slices = 0;
        communicationThread.clear();
    }

    private void keepSlice(Phase phase, long start, long end) {
        if (slices == MAX_SLICES) {
            sliceEnd[slices - 1] = end;
            return;
        }
        slicePhase[slices] = phase;
        sliceStart[slices] = start;
        sliceEnd[slices] = end;
        sliceCollective[slices] = currentCollective;
        sliceBytes[slices] = currentBytes;
        slices++;
    }

    /** Makes the first {@code amount} nanos of slice {@code i} a slice of {@code phase} of their own. */
    private void splitSlice(int i, long amount, Phase phase) {
        if (amount <= 0) {
            return;
        }
        if (amount == sliceEnd[i] - sliceStart[i] || slices == MAX_SLICES) {
            slicePhase[i] = phase;
            return;
        }
        System.arraycopy(slicePhase, i, slicePhase, i + 1, slices - i);
        System.arraycopy(sliceStart, i, sliceStart, i + 1, slices - i);
        System.arraycopy(sliceEnd, i, sliceEnd, i + 1, slices - i);
        System.arraycopy(sliceCollective, i, sliceCollective, i + 1, slices - i);
        System.arraycopy(sliceBytes, i, sliceBytes, i + 1, slices - i);
        slices++;
        slicePhase[i] = phase;
        sliceEnd[i] = sliceStart[i] + amount;
        sliceCollective[i] = null;
        sliceBytes[i] = 0;
        sliceStart[i + 1] = sliceEnd[i];
    }

    private long micros(long clockNanos) {
        return originMicros + (clockNanos - originNanos) / 1_000;
    }
}
