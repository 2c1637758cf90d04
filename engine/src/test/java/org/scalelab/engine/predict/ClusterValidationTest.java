package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.LinkTiming;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;

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
    void theWireAloneIsTheAllreduceOverTheNetworkWithMpjFree() {
        LinkCost oneWay = new LinkCost(1e-4, 1e-8, 1e-9);
        LinkCost bothWays = new LinkCost(1e-4, 2e-8, 1e-9);
        // ring of 4 on 4 hosts, 1000 floats: 6·(100 µs + 1000 B·20 ns) + 3 sums of 250 floats·1 ns = 720.75 µs
        assertEquals(720.75e-6, ClusterValidation.wireSeconds(scenario(AllreduceAlgorithm.RING, 4, oneWay, bothWays), 1000),
                1e-12);
        // the tree, one way: 2 rounds across hosts of 2·(100 µs + 4000 B·10 ns) + 1000 floats·1 ns = 562 µs
        assertEquals(562e-6, ClusterValidation.wireSeconds(scenario(AllreduceAlgorithm.BUILTIN, 4, oneWay, bothWays), 1000),
                1e-12);
        assertEquals(0, ClusterValidation.wireSeconds(scenario(AllreduceAlgorithm.RING, 1, oneWay, bothWays), 1000), 0);
    }

    private static Scenario scenario(AllreduceAlgorithm allreduce, int hosts, LinkCost oneWay, LinkCost bothWays) {
        return new Scenario("m", Strategy.MPJ, 4, 1, allreduce, hosts, 2, oneWay, bothWays, 64, Scaling.STRONG, 6400, 1,
                false, GradientCompression.NONE);
    }

    @Test
    void noLinkIsNoNetwork() {
        assertThrows(IllegalArgumentException.class, () -> ClusterValidation.slowestLink(List.of(), 0));
    }
}
