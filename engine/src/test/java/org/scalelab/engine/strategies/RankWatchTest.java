package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.events.StepCompleted;

/** When a run's ranks count as lost, with the clock moved by hand. */
class RankWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private static RankWatch watch(int ranks, int timeoutSeconds) {
        return new RankWatch(ranks, timeoutSeconds, STARTUP, rank -> "pid 10" + rank + " on node" + rank, 0);
    }

    /** Every rank beats at {@code at} seconds with the given progress count, at step 7. */
    private static void allBeat(RankWatch watch, int ranks, double at, long progress) {
        for (int rank = 0; rank < ranks; rank++) {
            watch.heartbeat(rank, new RankHeartbeat(7, progress), (long) (at * SECOND));
        }
    }

    @Test
    void aRankSilentForLongerThanTheTimeoutIsNamedWithItsHostAndLastStep() {
        RankWatch watch = watch(2, 3);
        allBeat(watch, 2, 1, 1);
        for (double t = 1.5; t <= 4; t += 0.5) {
            watch.heartbeat(0, new RankHeartbeat(7, (long) (t * 10)), (long) (t * SECOND));
        }
        assertEquals(Optional.empty(), watch.failure(4 * SECOND), "silent for 3 s is not yet longer than 3 s");

        String why = watch.failure((long) (4.2 * SECOND)).orElseThrow();
        assertEquals("rank 1 (pid 101 on node1) has sent nothing for 3.2 s (limit --rank-timeout 3 s): stopped, "
                + "hung or cut off; its last completed step was 7", why);
    }

    @Test
    void ranksStillStartingGetTheStartupAllowanceOnTop() {
        RankWatch watch = watch(2, 3);
        for (int t = 1; t <= 34; t++) {
            watch.heartbeat(0, new RankHeartbeat(0, 0), t * SECOND);
        }
        assertEquals(Optional.empty(), watch.failure(32 * SECOND));
        assertTrue(watch.failure(34 * SECOND).orElseThrow().startsWith(
                "rank 1 (pid 101 on node1) has sent nothing since the ranks started 34.0 s ago"));
    }

    @Test
    void ranksThatAllBeatWithoutProgressAreStuck() {
        RankWatch watch = watch(2, 3);
        allBeat(watch, 2, 1, 5);
        for (double t = 1.5; t <= 5; t += 0.5) {
            allBeat(watch, 2, t, 5);
        }
        String why = watch.failure((long) (4.5 * SECOND)).orElseThrow();
        assertTrue(why.startsWith("no rank has made progress for 3.5 s (limit --rank-timeout 3 s) although all still "
                + "answer"), why);
        assertTrue(why.endsWith("ranks 0 (pid 100 on node0) at step 7, 1 (pid 101 on node1) at step 7"), why);
    }

    @Test
    void ranksInTheirFirstStepGetTheStartupAllowanceBeforeTheyCountAsStuck() {
        RankWatch watch = watch(2, 3);
        for (int t = 1; t <= 35; t++) {
            for (int rank = 0; rank < 2; rank++) {
                watch.heartbeat(rank, new RankHeartbeat(0, 1), t * SECOND);
            }
        }
        assertEquals(Optional.empty(), watch.failure(33 * SECOND), "3 s timeout + 30 s allowance not yet over");
        assertTrue(watch.failure(35 * SECOND).orElseThrow().startsWith("no rank has made progress for 34.0 s"));
    }

    @Test
    void oneRankMakingProgressKeepsTheRunAlive() {
        // Rank 0 evaluates the test set while the others wait at a barrier.
        RankWatch watch = watch(2, 3);
        allBeat(watch, 2, 1, 5);
        for (double t = 1.5; t <= 10; t += 0.5) {
            watch.heartbeat(0, new RankHeartbeat(7, (long) (t * 10)), (long) (t * SECOND));
            watch.heartbeat(1, new RankHeartbeat(7, 5), (long) (t * SECOND));
        }
        assertEquals(Optional.empty(), watch.failure(10 * SECOND));
    }

    @Test
    void aStallIsBlamedOnARankThatMissedBeats() {
        RankWatch watch = watch(2, 5);
        allBeat(watch, 2, 1, 5);
        for (double t = 1.5; t <= 6.5; t += 0.5) {
            watch.heartbeat(0, new RankHeartbeat(7, 5), (long) (t * SECOND));
        }
        watch.heartbeat(1, new RankHeartbeat(7, 5), (long) (2.5 * SECOND));
        assertTrue(watch.failure((long) (6.5 * SECOND)).orElseThrow().startsWith(
                "rank 1 (pid 101 on node1) has sent nothing for 4.0 s"));
    }

    @Test
    void theAutomaticTimeoutIsThirtySecondsOrTenTimesTheSlowestStep() {
        RankWatch watch = watch(1, 0);
        assertEquals(Duration.ofSeconds(30), watch.timeout());
        watch.stepCompleted(new StepCompleted(1, 1, 1, 0.5, 0.5, 64, 2.0));
        watch.stepCompleted(new StepCompleted(1, 2, 2, 0.5, 0.5, 64, 6.5));
        watch.stepCompleted(new StepCompleted(1, 3, 3, 0.5, 0.5, 64, 7.0));
        assertEquals(Duration.ofSeconds(45), watch.timeout());

        allBeat(watch, 1, 8, 1);
        assertEquals(Optional.empty(), watch.failure(52 * SECOND));
        assertTrue(watch.failure(54 * SECOND).orElseThrow().contains("(automatic limit 45 s: the larger of 30 s and "
                + "10× the slowest step; set it with --rank-timeout)"));
    }

    @Test
    void heartbeatsAreLinesOfTheirOwnAndTheirIntervalFollowsTheTimeout() {
        assertEquals(Optional.of(new RankHeartbeat(12, 345)), RankHeartbeat.parse(new RankHeartbeat(12, 345).toLine()));
        assertEquals(Optional.empty(), RankHeartbeat.parse("{\"type\":\"stepCompleted\"}"));
        assertEquals(Duration.ofSeconds(1), RankHeartbeat.interval(0));
        assertEquals(Duration.ofMillis(400), RankHeartbeat.interval(2));
        assertEquals(Duration.ofSeconds(1), RankHeartbeat.interval(60));
    }
}
