package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The collectives' algebra against values worked by hand (in the comments). */
class CollectivesTest {
    /** α = 10 µs, β = 1 ns per byte (1 GB/s), γ = 1 ns per float. */
    private static final LinkCost LOCAL = new LinkCost(1e-5, 1e-9, 1e-9);
    /** α = 100 µs, β = 10 ns per byte. */
    private static final LinkCost NETWORK = new LinkCost(1e-4, 1e-8, 1e-9);
    private static final double EXACT = 1e-12;

    @Test
    void ringSendsTwoTimesPMinusOneOverPOfTheBuffer() {
        assertEquals(1500, Collectives.ringTrafficFloats(4, 1000), EXACT);
        assertEquals(1000, Collectives.ringTrafficFloats(2, 1000), EXACT);
        assertEquals(0, Collectives.ringTrafficFloats(1, 1000), EXACT);
    }

    @Test
    void theMasterCarriesTwoTimesPMinusOneBuffers() {
        assertEquals(6000, Collectives.masterTrafficFloats(4, 1000), EXACT);
        assertEquals(14_000, Collectives.masterTrafficFloats(8, 1000), EXACT);
    }

    @Test
    void ringOnOneHost() {
        // 6 steps of 250 floats: 6·(10 µs + 1000 B·1 ns) = 66 µs; 3 sums of 250 floats = 0.75 µs
        assertEquals(66.75e-6, Collectives.ring(4, 1000, Fabric.singleHost(LOCAL, 4)), EXACT);
        assertEquals(0, Collectives.ring(1, 1000, Fabric.singleHost(LOCAL, 1)), EXACT);
    }

    @Test
    void ringAcrossHostsWaitsForTheNetworkAtEveryStep() {
        // 6·(100 µs + 1000 B·10 ns) = 660 µs, + 0.75 µs of sums
        assertEquals(660.75e-6, Collectives.ring(4, 1000, new Fabric(LOCAL, NETWORK, 2, 2)), EXACT);
    }

    @Test
    void aRingSendsAndReceivesAtOnceSoItsLinksCarryDataBothWays() {
        // both ways at once the link gives half (20 ns per byte): 6·(100 µs + 1000 B·20 ns) = 720 µs, + 0.75 µs of sums
        LinkCost bothWays = new LinkCost(1e-4, 2e-8, 1e-9);
        assertEquals(720.75e-6, Collectives.ring(4, 1000, new Fabric(LOCAL, NETWORK, bothWays, 2, 2)), EXACT);
        // on one host the ring stays local
        assertEquals(66.75e-6, Collectives.ring(4, 1000, new Fabric(LOCAL, NETWORK, bothWays, 1, 4)), EXACT);
        // the tree's rounds send one way at a time: as ringAcrossHosts' NETWORK alone
        assertEquals(310e-6, Collectives.mpjBuiltin(4, 1000, new Fabric(LOCAL, NETWORK, bothWays, 2, 2)), EXACT);
    }

    @Test
    void mpjBuiltinIsATreeReduceThenATreeBroadcast() {
        // per round: 2·(10 µs + 4000 B·1 ns) + 1000 floats·1 ns = 29 µs; ⌈log₂4⌉ = 2 rounds, ⌈log₂5⌉ = 3
        assertEquals(58e-6, Collectives.mpjBuiltin(4, 1000, Fabric.singleHost(LOCAL, 4)), EXACT);
        assertEquals(87e-6, Collectives.mpjBuiltin(5, 1000, Fabric.singleHost(LOCAL, 5)), EXACT);
        // two hosts: the first halving crosses the network: 2·(100 µs + 40 µs) + 1 µs = 281 µs, then 29 µs locally
        assertEquals(310e-6, Collectives.mpjBuiltin(4, 1000, new Fabric(LOCAL, NETWORK, 2, 2)), EXACT);
    }

    @Test
    void viaMasterExchangesWithEveryRankInTurn() {
        // 3 peers × 29 µs
        assertEquals(87e-6, Collectives.viaMaster(4, 1000, Fabric.singleHost(LOCAL, 4)), EXACT);
        // one peer on the master's host (29 µs), two across the network (2 × 281 µs)
        assertEquals(591e-6, Collectives.viaMaster(4, 1000, new Fabric(LOCAL, NETWORK, 2, 2)), EXACT);
    }

    @Test
    void sharedMemorySumMeetsTwiceAndAddsTheOtherSlices() {
        // 2 meetings × 10 µs + 3 slices of 250 floats: 3·(1000 B·1 ns + 250·1 ns) = 3.75 µs
        assertEquals(23.75e-6, Collectives.sharedMemorySum(4, 1000, LOCAL), EXACT);
        assertEquals(0, Collectives.sharedMemorySum(1, 1000, LOCAL), EXACT);
    }

    @Test
    void sharedGradientsMeetTwiceRoundTheRingAndAddTheOtherSlices() {
        // 2 meetings of 3 exchanges × 10 µs + 3 slices of 250 floats: 3·(1000 B·1 ns + 250·1 ns) = 3.75 µs
        assertEquals(63.75e-6, Collectives.sharedGradientsSum(4, 1000, LOCAL), EXACT);
        assertEquals(Collectives.sharedMemorySum(2, 1000, LOCAL), Collectives.sharedGradientsSum(2, 1000, LOCAL), EXACT,
                "two ranks meet as two threads do");
        assertEquals(0, Collectives.sharedGradientsSum(1, 1000, LOCAL), EXACT);
    }

    @Test
    void roundsOfATreeAreTheCeilingOfLogTwo() {
        assertEquals(0, Collectives.ceilLog2(1));
        assertEquals(1, Collectives.ceilLog2(2));
        assertEquals(2, Collectives.ceilLog2(3));
        assertEquals(3, Collectives.ceilLog2(8));
        assertEquals(4, Collectives.ceilLog2(9));
    }
}
