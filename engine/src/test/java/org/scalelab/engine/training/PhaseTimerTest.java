package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.events.Phase;

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
}
