package org.scalelab.engine.events;

/**
 * The last event of a run that stopped early.
 *
 * @param status  {@link RunStatus#FAILED} after an error, {@link RunStatus#CANCELLED} when asked to stop
 * @param message for people: the error, or who cancelled
 * @param summary what was completed before it stopped
 */
public record RunFailed(RunStatus status, String message, RunSummary summary) implements RunEvent {

    public RunFailed {
        if (status != RunStatus.FAILED && status != RunStatus.CANCELLED) {
            throw new IllegalArgumentException("a run that stopped early is failed or cancelled, not " + status);
        }
    }
}
