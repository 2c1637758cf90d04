package org.scalelab.engine.strategies;

import java.time.Duration;
import java.util.Optional;

/**
 * A rank's sign of life on its event stream, beside its JSON events and told apart from them by its first word:
 * the rank's last completed step, and a count of the times its training threads checked in (before every step
 * and every evaluation batch), which moves as long as the rank makes progress. Sent by a thread of its own
 * ({@link HeartbeatSender}), so it keeps coming during a long step; read by {@link RankWatch}.
 *
 * @param step     global step the rank last completed, 0 before the first
 * @param progress check-ins of the rank's training threads so far
 */
record RankHeartbeat(long step, long progress) {
    private static final String WORD = "heartbeat";
    private static final Duration AUTOMATIC_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);

    String toLine() {
        return WORD + " " + step + " " + progress;
    }

    /** The heartbeat a line holds; empty for any other line (an event). */
    static Optional<RankHeartbeat> parse(String line) {
        if (!line.startsWith(WORD + " ")) {
            return Optional.empty();
        }
        String[] words = line.split(" ");
        try {
            return Optional.of(new RankHeartbeat(Long.parseLong(words[1]), Long.parseLong(words[2])));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a heartbeat: " + line, e);
        }
    }

    /**
     * How often ranks send one: a fifth of a chosen timeout, so a few may be late before the rank counts as
     * silent; once a second when the timeout is automatic (at least 30 s).
     *
     * @param timeoutSeconds {@code --rank-timeout}, 0 for automatic
     */
    static Duration interval(int timeoutSeconds) {
        if (timeoutSeconds == 0) {
            return AUTOMATIC_INTERVAL;
        }
        Duration fifth = Duration.ofSeconds(timeoutSeconds).dividedBy(5);
        return fifth.compareTo(AUTOMATIC_INTERVAL) > 0 ? AUTOMATIC_INTERVAL
                : fifth.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : fifth;
    }
}
