package org.scalelab.engine.strategies;

import org.scalelab.engine.config.FaultInjection;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.training.RunCancelledException;

/**
 * An injected fault ({@code --inject-fault}) as the rank it is for carries it out, after each of its steps: at
 * the fault's step the rank's process dies as if killed (exit status 137, no goodbye), or stops making progress
 * while its heartbeats go on, or from then on sleeps after every step for (factor − 1) times the step's length.
 * Other ranks, and runs without a fault, do nothing.
 */
final class InjectedFault {
    /** The exit status of a process killed by SIGKILL, as the launcher sees it. */
    static final int KILLED_STATUS = 137;

    private static final InjectedFault NONE = new InjectedFault(null);

    private final FaultInjection fault;
    /** {@link System#nanoTime} at the end of the last step, its sleep included; 0 before the first. */
    private long lastStepEnd;

    private InjectedFault(FaultInjection fault) {
        this.fault = fault;
    }

    /** What rank {@code rank} does with the run's fault, if it has one. */
    static InjectedFault of(FaultInjection fault, int rank) {
        return fault != null && fault.rank() == rank ? new InjectedFault(fault) : NONE;
    }

    void afterStep(StepCompleted step) {
        if (fault == null) {
            return;
        }
        long now = System.nanoTime();
        // The step's own work: from the end of the last one (after its sleep) to now.
        double stepSeconds = lastStepEnd == 0 ? 0 : (now - lastStepEnd) / 1e9;
        if (step.globalStep() == fault.step()) {
            switch (fault.kind()) {
                case KILL -> Runtime.getRuntime().halt(KILLED_STATUS);
                case HANG -> hang();
                case SLOW -> { }
            }
        }
        if (fault.kind() == FaultInjection.Kind.SLOW && step.globalStep() >= fault.step()) {
            sleep(stepSeconds * (fault.factor() - 1));
        }
        lastStepEnd = System.nanoTime();
    }

    /** Until the rank is stopped: the launcher's watch sees no progress and ends (or restarts) the run. */
    private static void hang() {
        while (true) {
            sleep(3600);
        }
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        }
    }
}
