package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.PhaseSlice;
import org.scalelab.engine.events.WorkerPhases;

class PhaseTimerTest {
    private long now;

    @Test
    void chargesEachIntervalToThePhaseThatWasEntered() {
        PhaseTimer timer = new PhaseTimer(() -> now);
        timer.enter(Phase.DATA);
        now += 1_000_000_000L;
        timer.enter(Phase.FORWARD);
        now += 500_000_000L;
        timer.enter(Phase.DATA);
        now += 250_000_000L;
        timer.stop();
        now += 9_000_000_000L; // stopped: not counted anywhere

        assertEquals(1.25, timer.seconds(Phase.DATA), 1e-12);
        assertEquals(0.5, timer.seconds(Phase.FORWARD), 1e-12);
        Map<Phase, Double> all = timer.secondsByPhase();
        assertEquals(List.of(Phase.values()), List.copyOf(all.keySet()));
        assertEquals(0.0, all.get(Phase.COMMUNICATION));
    }

    @Test
    void resetStartsTheNextEpochFromZero() {
        PhaseTimer timer = new PhaseTimer(() -> now);
        timer.enter(Phase.UPDATE);
        now += 10;
        timer.reset();
        timer.enter(Phase.UPDATE);
        now += 5;
        timer.stop();
        assertEquals(5e-9, timer.seconds(Phase.UPDATE), 1e-15);
    }

    @Test
    void slicesCoverEveryMomentInOrderAndACutSplitsThePhaseThatGoesOn() {
        PhaseTimer timer = new PhaseTimer(() -> now);
        timer.enter(Phase.DATA);
        now += 3_000;
        timer.enter(Phase.FORWARD);
        now += 5_000;
        List<PhaseSlice> first = timer.cut();
        now += 2_000;
        timer.enter(Phase.UPDATE);
        now += 1_000;
        timer.stop();
        List<PhaseSlice> second = timer.cut();

        assertEquals(List.of(Phase.DATA, Phase.FORWARD), first.stream().map(PhaseSlice::phase).toList());
        assertEquals(List.of(3L, 5L), first.stream().map(PhaseSlice::micros).toList());
        assertEquals(first.get(0).startMicros() + 3, first.get(1).startMicros(), "they adjoin");
        assertEquals(List.of(Phase.FORWARD, Phase.UPDATE), second.stream().map(PhaseSlice::phase).toList(),
                "forward went on after the cut");
        assertEquals(first.get(1).startMicros() + 5, second.get(0).startMicros());
        assertEquals(7e-6, timer.seconds(Phase.FORWARD), 1e-12, "the totals do not see the cut");
    }

    @Test
    void waitingMovedOutOfACollectiveComesFirstOnTheTimeline() {
        PhaseTimer timer = new PhaseTimer(() -> now);
        timer.enter(Phase.COMMUNICATION, "allreduce", 4_000);
        now += 10_000;
        timer.enter(Phase.UPDATE);
        timer.move(4_000, Phase.COMMUNICATION, Phase.IDLE);
        now += 1_000;
        timer.stop();

        List<PhaseSlice> slices = timer.cut();
        assertEquals(List.of(Phase.IDLE, Phase.COMMUNICATION, Phase.UPDATE), slices.stream().map(PhaseSlice::phase).toList());
        assertEquals(List.of(4L, 6L, 1L), slices.stream().map(PhaseSlice::micros).toList());
        assertEquals("allreduce", slices.get(1).collective());
        assertEquals(4_000, slices.get(1).bytes());
        assertEquals(null, slices.get(0).collective());
        assertEquals(4e-6, timer.seconds(Phase.IDLE), 1e-12);
    }

    @Test
    void aDiscardedStepLeavesNothingForTheNextCut() {
        PhaseTimer timer = new PhaseTimer(() -> now);
        timer.enter(Phase.DATA);
        now += 7_000;
        timer.discard();
        now += 2_000;
        timer.stop();
        List<PhaseSlice> slices = timer.cut();
        assertEquals(1, slices.size());
        assertEquals(2, slices.get(0).micros());
        assertEquals(9e-6, timer.seconds(Phase.DATA), 1e-12);
    }

    @Test
    void cpuUsageIsAFractionOfTheMachine() {
        CpuMeter meter = new CpuMeter();
        long until = System.nanoTime() + 2 * CpuMeter.SHORTEST_INTERVAL_NANOS;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1);
        }
        double usage = meter.usage();
        assertTrue(usage > 0 && usage <= 1, "usage " + usage + " (sink " + sink + ")");
    }

    @Test
    void cpuUsageOfAnIntervalShorterThanTheClockCanResolveIsUnknown() {
        assertTrue(Double.isNaN(new CpuMeter().usage()));
    }

    /**
     * The communication thread's stretches come in after the fact: hidden ones are counted, apart from the wall time;
     * waited-for ones are already the worker's own communication phase and only go on the thread's track.
     */
    @Test
    void theCommunicationThreadsHiddenStretchesCountApartFromTheWallTime() {
        PhaseTimer timer = new PhaseTimer(() -> now);
        timer.enter(Phase.BACKWARD);
        now += 1_000_000;
        timer.enter(Phase.COMMUNICATION, "allreduce", 400);
        now += 300_000;
        timer.enter(Phase.UPDATE);
        timer.communicationThread(Phase.HIDDEN_COMMUNICATION, 200_000, 900_000, "allreduce bucket 1/2", 100);
        timer.communicationThread(Phase.COMMUNICATION, 1_000_000, 1_250_000, "allreduce bucket 2/2", 300);
        timer.communicationThread(Phase.IDLE, 1_250_000, 1_250_000, null, 0);
        now += 100_000;
        timer.stop();

        assertEquals(0.7e-3, timer.seconds(Phase.HIDDEN_COMMUNICATION), 1e-12);
        assertEquals(0.3e-3, timer.seconds(Phase.COMMUNICATION), 1e-12, "the worker's wait, as it was");
        WorkerPhases phases = new WorkerPhases(0, timer.secondsByPhase());
        assertEquals(1.4e-3, phases.total(), 1e-12, "backward, waiting and update: the hidden stretch is not wall time");
        List<PhaseSlice> thread = timer.cutCommunicationThread();
        assertEquals(List.of(Phase.HIDDEN_COMMUNICATION, Phase.COMMUNICATION), thread.stream().map(PhaseSlice::phase).toList(),
                "an empty stretch leaves no slice");
        assertEquals(List.of(700L, 250L), thread.stream().map(PhaseSlice::micros).toList());
        assertTrue(timer.cutCommunicationThread().isEmpty(), "each stretch is cut once");
        assertEquals(3, timer.cut().size(), "the worker's own track: backward, communication, update");
    }
}
