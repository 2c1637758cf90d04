package org.scalelab.engine.strategies;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.StepCompleted;

/**
 * The application's side of the ranks' heartbeats ({@link RankHeartbeat}): decides when a run whose ranks no
 * longer take part must end, since nothing else would ever end it (MPJ waits in a collective for ever).
 * <ul>
 * <li>A rank that has sent nothing for longer than the timeout is silent: stopped (SIGSTOP), hung, or cut off
 *     from this machine. Before its first line it gets the start-up allowance on top.</li>
 * <li>When every rank still beats but none has made progress for longer than the timeout, the ranks are stuck,
 *     most likely inside a collective whose messages no longer arrive. A rank that has missed a few beats is
 *     then named as the likely cause. Until every rank has completed a step the start-up allowance comes on top
 *     here too: the first step loads the native kernels and compiles the hot loops (over 3 s on a loaded
 *     2-core machine), which is slow, not stuck.</li>
 * </ul>
 * The timeout is {@code --rank-timeout}, or automatically the larger of 30 s and 10 times the slowest step seen
 * so far. Times are {@link System#nanoTime()} readings, passed in so the rules can be checked without waiting.
 * Thread-safe: heartbeats arrive on the ranks' reader threads, checks come from the training thread.
 */
final class RankWatch {
    static final Duration AUTOMATIC_MINIMUM = Duration.ofSeconds(30);
    static final int SLOWEST_STEP_FACTOR = 10;
    /** Heartbeats a rank may miss before a stall is blamed on it. */
    private static final int MISSED_BEATS = 3;

    private final int timeoutSeconds;
    private final Duration startupAllowance;
    private final IntFunction<String> placeOf;
    private final long startedNanos;
    private final long missedBeatsNanos;
    private final long[] lastHeard;
    private final boolean[] heard;
    private final long[] lastStep;
    private final long[] progress;
    private final boolean[] progressed;
    private long lastProgressNanos;
    private double slowestStepSeconds;
    private double previousStepElapsed;

    /**
     * @param timeoutSeconds   {@code --rank-timeout}, 0 for automatic
     * @param startupAllowance how much longer a rank may take to say anything at all (JVM start, MPI.Init)
     * @param placeOf          where a rank runs, for messages: its host and process
     * @param now              when the ranks were started
     */
    RankWatch(int ranks, int timeoutSeconds, Duration startupAllowance, IntFunction<String> placeOf, long now) {
        this.timeoutSeconds = timeoutSeconds;
        this.startupAllowance = startupAllowance;
        this.placeOf = placeOf;
        this.startedNanos = now;
        this.missedBeatsNanos = RankHeartbeat.interval(timeoutSeconds).multipliedBy(MISSED_BEATS).toNanos();
        this.lastHeard = new long[ranks];
        this.heard = new boolean[ranks];
        this.lastStep = new long[ranks];
        this.progress = new long[ranks];
        this.progressed = new boolean[ranks];
        this.lastProgressNanos = now;
    }

    /** Any line from the rank: it is alive. */
    synchronized void heard(int rank, long now) {
        heard[rank] = true;
        lastHeard[rank] = now;
    }

    synchronized void heartbeat(int rank, RankHeartbeat beat, long now) {
        heard(rank, now);
        lastStep[rank] = beat.step();
        if (beat.progress() != progress[rank]) {
            progress[rank] = beat.progress();
            progressed[rank] = true;
            lastProgressNanos = now;
        }
    }

    /** A step of rank 0, whose duration may raise the automatic timeout. */
    synchronized void stepCompleted(StepCompleted step) {
        slowestStepSeconds = Math.max(slowestStepSeconds, step.elapsedSeconds() - previousStepElapsed);
        previousStepElapsed = step.elapsedSeconds();
    }

    /** The timeout now: the chosen one, or the automatic one as far as the steps so far say. */
    synchronized Duration timeout() {
        if (timeoutSeconds > 0) {
            return Duration.ofSeconds(timeoutSeconds);
        }
        Duration tenSlowest = Duration.ofNanos((long) (SLOWEST_STEP_FACTOR * slowestStepSeconds * 1e9));
        return tenSlowest.compareTo(AUTOMATIC_MINIMUM) > 0 ? tenSlowest : AUTOMATIC_MINIMUM;
    }

    /** Why the run must end now, if it must: a silent rank, or ranks that all stopped making progress. */
    synchronized Optional<String> failure(long now) {
        long timeout = timeout().toNanos();
        int mostOverdue = -1;
        long worst = 0;
        for (int rank = 0; rank < heard.length; rank++) {
            long overdue = silenceOf(rank, now) - allowedSilence(rank, timeout);
            if (overdue > worst) {
                worst = overdue;
                mostOverdue = rank;
            }
        }
        if (mostOverdue >= 0) {
            return Optional.of(silent(mostOverdue, now));
        }
        boolean allTraining = IntStream.range(0, progress.length).allMatch(rank -> progressed[rank]);
        if (allTraining && now - lastProgressNanos > timeout + firstStepAllowance()) {
            int quietest = IntStream.range(0, heard.length).boxed()
                    .max((a, b) -> Long.compare(silenceOf(a, now), silenceOf(b, now))).orElseThrow();
            return Optional.of(silenceOf(quietest, now) > missedBeatsNanos ? silent(quietest, now) : stuck(now));
        }
        return Optional.empty();
    }

    private long firstStepAllowance() {
        boolean allStepped = IntStream.range(0, lastStep.length).allMatch(rank -> lastStep[rank] > 0);
        return allStepped ? 0 : startupAllowance.toNanos();
    }

    /** A rank that has not said anything yet is still starting: it gets the start-up allowance on top. */
    private long allowedSilence(int rank, long timeout) {
        return heard[rank] ? timeout : timeout + startupAllowance.toNanos();
    }

    private long silenceOf(int rank, long now) {
        return now - (heard[rank] ? lastHeard[rank] : startedNanos);
    }

    private String silent(int rank, long now) {
        if (!heard[rank]) {
            return String.format(Locale.ROOT, "rank %d (%s) has sent nothing since the ranks started %.1f s ago "
                    + "(%s): stopped, hung or cut off before it could start training", rank, placeOf.apply(rank),
                    seconds(now - startedNanos), limit());
        }
        return String.format(Locale.ROOT, "rank %d (%s) has sent nothing for %.1f s (%s): stopped, hung or cut off; "
                + "its last completed step was %d", rank, placeOf.apply(rank), seconds(silenceOf(rank, now)), limit(),
                lastStep[rank]);
    }

    private String stuck(long now) {
        String ranks = IntStream.range(0, progress.length)
                .mapToObj(rank -> rank + " (" + placeOf.apply(rank) + ") at step " + lastStep[rank])
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "no rank has made progress for %.1f s (%s) although all still answer: "
                + "they are stuck, probably waiting inside a collective for messages that do not arrive; ranks %s",
                seconds(now - lastProgressNanos), limit(), ranks);
    }

    private String limit() {
        String option = TrainingOptions.RANK_TIMEOUT.cliName();
        if (timeoutSeconds > 0) {
            return "limit " + option + " " + timeoutSeconds + " s";
        }
        return String.format(Locale.ROOT, "automatic limit %.0f s: the larger of %d s and %d× the slowest step; "
                + "set it with %s", seconds(timeout().toNanos()), AUTOMATIC_MINIMUM.toSeconds(), SLOWEST_STEP_FACTOR,
                option);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
