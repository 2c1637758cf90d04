package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.AllreduceTiming;

class StackBetweenHostsTest {
    private static final double GAMMA = 1e-9;
    /** 20 µs and 1 Gbit/s (8 ns a byte) each way with both busy. */
    private static final LinkCost WIRE = LinkCost.of(20, 1, GAMMA);

    /** A ring of {@code ranks} over {@code floats} whose every message costs the hosts {@code stackSeconds} beyond the wire. */
    private static AllreduceTiming ring(int ranks, int floats, double stackSeconds) {
        double message = (double) floats / ranks;
        double seconds = 2 * (ranks - 1) * (stackSeconds + WIRE.send(message)) + (ranks - 1) * message * GAMMA;
        return new AllreduceTiming(floats, ranks, seconds * 1e3);
    }

    private static AllreduceTiming ring(int floats, double stackSeconds) {
        return ring(2, floats, stackSeconds);
    }

    @Test
    void eachSizeGivesWhatTheHostsAddedToOneMessageAndOtherSizesAreInterpolated() {
        // 2 KB messages cost the hosts 30 µs, 32 KB ones 100 µs, 256 KB ones 1 ms
        LinkCost stack = StackBetweenHosts.fromSweep(List.of(ring(131_072, 1e-3), ring(1_024, 30e-6), ring(16_384, 100e-6)),
                WIRE, GAMMA);
        assertEquals(30e-6, stack.latencySeconds(), 1e-15, "the smallest message's cost is the latency");
        assertEquals(30e-6, stack.send(512), 1e-12);
        assertEquals(100e-6, stack.send(8_192), 1e-12);
        assertEquals(1e-3, stack.send(65_536), 1e-12);
        assertEquals(0.55e-3, stack.send(36_864), 1e-12, "halfway between 8,192 and 65,536 floats");
        assertEquals(30e-6, stack.send(10), 1e-12, "below the sweep, the smallest's");
        assertEquals(30e-6 + 2 * (1e-3 - 30e-6), stack.send(131_072), 1e-12, "above it, the largest's beyond the latency per float");
        assertEquals(GAMMA, stack.secondsPerReducedFloat(), 0, "the ring's summing is the host's work, this machine's γ");
        // followed by the wire it gives back each measured ring step
        assertEquals(1e-3 + WIRE.send(65_536), stack.followedBy(WIRE).send(65_536), 1e-12);
    }

    @Test
    void aRingFasterThanTheWireAddsNothingOnTheHosts() {
        // a token bucket that banked while the link idled lets a message through faster than the wire's rate
        AllreduceTiming banked = new AllreduceTiming(131_072, 2, (2 * 0.9 * WIRE.send(65_536) + 65_536 * GAMMA) * 1e3);
        LinkCost stack = StackBetweenHosts.fromSweep(List.of(ring(1_024, 30e-6), banked), WIRE, GAMMA);
        assertEquals(0, stack.send(65_536), 1e-12);
    }

    @Test
    void aRingOverMoreHostsGivesItsStepsMessage() {
        // 4 ranks: 6 steps of a quarter of the floats each, 3 quarters summed; 2 KB messages cost 30 µs, 256 KB 1 ms
        LinkCost stack = StackBetweenHosts.fromSweep(List.of(ring(4, 2_048, 30e-6), ring(4, 262_144, 1e-3)), WIRE, GAMMA);
        assertEquals(30e-6, stack.send(512), 1e-12);
        assertEquals(1e-3, stack.send(65_536), 1e-12);
        assertEquals(StackBetweenHosts.sweepFloats(4).get(0), 4 * StackBetweenHosts.sweepFloats(1).get(0));
    }

    @Test
    void aSweepNeedsOneRankCountOfTwoOrMore() {
        for (List<AllreduceTiming> sweep : List.of(List.<AllreduceTiming>of(), List.of(ring(1_024, 30e-6), ring(4, 4_096, 30e-6)),
                List.of(new AllreduceTiming(1_024, 1, 0.01)))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StackBetweenHosts.fromSweep(sweep, WIRE, GAMMA));
            assertTrue(e.getMessage().startsWith("expected a sweep across the hosts with one rank count of 2 or more"), e.getMessage());
        }
    }
}
