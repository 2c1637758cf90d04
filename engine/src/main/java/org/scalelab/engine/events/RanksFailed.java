package org.scalelab.engine.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A launcher's message about one rank starts by naming it: "rank 1 (pid 81) exited…", "rank 1 failed: …". */
    private static final Pattern ONE_RANK = Pattern.compile("rank (\\d+)\\b.*", Pattern.DOTALL);

    /** For people: {@code "ranks failed in epoch 2: rank 1 (pid 81) exited with status 137 (killed by SIGKILL)"}. */
    public String describe() {
        return "ranks failed in epoch " + epoch + ": " + message;
    }

    /** On a chart's timeline: {@code "rank 1 failed"} where the message names the rank, else {@code "ranks failed"}. */
    public String label() {
        Matcher one = ONE_RANK.matcher(message);
        return one.matches() ? "rank " + one.group(1) + " failed" : "ranks failed";
    }
}
