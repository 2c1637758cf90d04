package org.scalelab.engine.events;

/**
 * Ranks of a multi-process run failed (one died, hung or fell silent) and the run relaunches them from its
 * last checkpoint ({@code --restart-on-failure}); a {@link RunResumed} follows. A failure that is not
 * restarted ends the run with {@link RunFailed} instead.
 *
 * @param message    what failed, as the launcher says it
 * @param epoch      the epoch that was being trained
 * @param globalStep the last step rank 0 reported before the failure
 * @param at         ISO-8601 instant, UTC
 */
public record RanksFailed(String message, int epoch, long globalStep, String at) implements RunEvent {
}
