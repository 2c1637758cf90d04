package org.scalelab.engine.events;

/**
 * A run goes on from a checkpoint: continued by {@code train --resume} after it ended, or relaunched after its
 * ranks failed ({@link RanksFailed}). The epochs after {@code afterEpoch} that the record already holds are
 * trained again and replaced.
 *
 * @param afterEpoch the checkpoint's epoch; 0 when there was none and the run starts over
 * @param epochs     the epochs the run now goes on to
 * @param processes  the ranks it goes on with (fewer than at its start after a restart with {@code --min-procs})
 * @param restart    1 for the first restart after a failure, 2 for the second...; 0 for a resume asked for
 * @param at         ISO-8601 instant, UTC
 */
public record RunResumed(int afterEpoch, int epochs, int processes, int restart, String at) implements RunEvent {

    /** Whether it follows a failure rather than a person's {@code --resume}. */
    public boolean afterFailure() {
        return restart > 0;
    }

    /** For people: {@code "restart 1: 2 ranks from the checkpoint of epoch 1, on to epoch 3"}. */
    public String describe() {
        return (afterFailure() ? "restart " + restart + ": " + processes + (processes == 1 ? " rank" : " ranks")
                : "resumed") + " from " + (afterEpoch == 0 ? "the start" : "the checkpoint of epoch " + afterEpoch)
                + ", on to epoch " + epochs;
    }

    /** On a chart's timeline, where the run went on: {@code "restart 1 from epoch 1"}, {@code "resumed from epoch 2"}. */
    public String label() {
        return (afterFailure() ? "restart " + restart : "resumed") + " from "
                + (afterEpoch == 0 ? "the start" : "epoch " + afterEpoch);
    }
}
