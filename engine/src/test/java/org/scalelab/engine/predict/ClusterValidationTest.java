package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.LinkTiming;

class ClusterValidationTest {

    /** Every ring step and tree round waits for its slowest link: the worst latency and the worst bandwidth. */
    @Test
    void theNetworkIsTheSlowestMeasuredLink() {
        LinkCost network = ClusterValidation.slowestLink(List.of(new LinkTiming("a", "b", 15, 0.95, 0.9),
                new LinkTiming("a", "c", 40, 0.99, 0.9), new LinkTiming("a", "d", 12, 0.50, 0.4)), 2e-9);
        assertEquals(40e-6, network.latencySeconds(), 1e-15);
        // 0.5 Gbit/s: 8 bits in 16 ns
        assertEquals(16e-9, network.secondsPerByte(), 1e-18);
        assertEquals(2e-9, network.secondsPerReducedFloat(), 0);
        // both ways at once: 0.4 Gbit/s at worst, 20 ns per byte; the same latency
        LinkCost bothWays = ClusterValidation.slowestLinkBothWays(List.of(new LinkTiming("a", "b", 15, 0.95, 0.9),
                new LinkTiming("a", "c", 40, 0.99, 0.9), new LinkTiming("a", "d", 12, 0.50, 0.4)), 2e-9);
        assertEquals(40e-6, bothWays.latencySeconds(), 1e-15);
        assertEquals(20e-9, bothWays.secondsPerByte(), 1e-18);
    }

    @Test
    void noLinkIsNoNetwork() {
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.slowestLink(List.of(), 0));
    }
}
