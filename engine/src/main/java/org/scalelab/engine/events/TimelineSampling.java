package org.scalelab.engine.events;

/**
 * Which steps a run keeps in its timeline: every step of a short run, and of a long one the first
 * {@link #WHOLE} and then evenly spaced steps, so that no worker keeps more than about twice that many. A
 * timeline of every step of a long run grows to gigabytes (Horovod's users asked for sampling after 3 GB ones).
 *
 * @param totalSteps the steps the run will take
 */
public record TimelineSampling(long totalSteps) {
    /** Steps kept one after another from the start. */
    public static final long WHOLE = 500;

    /** Keep every {@code stride}-th step after the first {@link #WHOLE}. */
    public long stride() {
        long beyond = totalSteps - WHOLE;
        return beyond <= 0 ? 1 : (beyond + WHOLE - 1) / WHOLE;
    }

    public boolean keeps(long step) {
        return step <= WHOLE || step % stride() == 0;
    }

    /** Whether some steps are left out. */
    public boolean sampled() {
        return stride() > 1;
    }
}
