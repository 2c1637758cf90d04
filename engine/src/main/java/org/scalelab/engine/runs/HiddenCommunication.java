package org.scalelab.engine.runs;

import java.util.Locale;
import java.util.Optional;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.WorkerPhases;

/**
 * How much of a run's communication was hidden behind the backward pass ({@code --overlap}) and how much its workers
 * waited for, over every epoch and worker: the two add up to the time its collectives took. Without overlap all of
 * it is waited for.
 *
 * @param hiddenSeconds  {@link Phase#HIDDEN_COMMUNICATION}, summed over workers and epochs
 * @param waitedSeconds  {@link Phase#COMMUNICATION}, likewise
 * @param workerSteps    training steps times workers, to give both per step of one worker
 */
public record HiddenCommunication(double hiddenSeconds, double waitedSeconds, long workerSteps) {

    /** Empty when the run's workers communicated nothing (one worker) or it has no finished epoch. */
    public static Optional<HiddenCommunication> of(RunRecord run) {
        double hidden = 0;
        double waited = 0;
        long workerSteps = 0;
        int stepsPerEpoch = run.events().stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast)
                .findFirst().map(RunStarted::stepsPerEpoch).orElse(0);
        for (var event : run.events()) {
            if (event instanceof EpochCompleted epoch) {
                for (WorkerPhases worker : epoch.phases()) {
                    hidden += worker.seconds().getOrDefault(Phase.HIDDEN_COMMUNICATION, 0.0);
                    waited += worker.seconds().getOrDefault(Phase.COMMUNICATION, 0.0);
                    workerSteps += stepsPerEpoch;
                }
            }
        }
        if (workerSteps == 0 || hidden + waited == 0) {
            return Optional.empty();
        }
        return Optional.of(new HiddenCommunication(hidden, waited, workerSteps));
    }

    /** The share of the communication that was hidden, 0 to 1. */
    public double hiddenShare() {
        return hiddenSeconds / (hiddenSeconds + waitedSeconds);
    }

    /** "0.31 ms per step per worker: 0.20 hidden behind the backward pass, 0.11 waited for (65 % hidden)". */
    public String describe() {
        double perStep = 1e3 / workerSteps;
        return String.format(Locale.ROOT, "%.3f ms per step per worker: %.3f hidden behind the backward pass, %.3f "
                        + "waited for (%.0f %% hidden)", (hiddenSeconds + waitedSeconds) * perStep, hiddenSeconds * perStep,
                waitedSeconds * perStep, 100 * hiddenShare());
    }
}
