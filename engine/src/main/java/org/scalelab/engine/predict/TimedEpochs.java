package org.scalelab.engine.predict;

/**
 * How many epochs a measured configuration is timed over, after its {@link WarmUp}: the median of at least {@value
 * #FEWEST}, and of enough to last about {@value #SECONDS} s where epochs are short. An epoch of mlp-235k on
 * mnist-mini is 125 steps, 90 ms: three of them timed the scheduler as much as the model (a step's spread 57 % in
 * sitting 7's calibration, and one worker of mpj measured 1.25× slower than serial there and 0.92–0.98× in the
 * validations minutes later).
 */
final class TimedEpochs {
    /** Timed epochs last about this long together, where they are short. */
    static final double SECONDS = 3;
    /** At least this many, however long each is: the median of three survives one disturbed epoch. */
    static final int FEWEST = 3;
    /** At most this many: each epoch ends with an evaluation, which is not training. */
    static final int MOST = 25;

    private TimedEpochs() {
    }

    /** Epochs to time when one lasts {@code epochSeconds}. */
    static int of(double epochSeconds) {
        return (int) Math.min(MOST, Math.max(FEWEST, Math.ceil(SECONDS / epochSeconds)));
    }
}
