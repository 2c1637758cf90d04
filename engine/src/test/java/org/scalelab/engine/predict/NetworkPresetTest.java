package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A preset's link, and the same with figures measured on the user's own network in their place. */
class NetworkPresetTest {
    private static final double GAMMA = 3e-9;

    @Test
    void givenFiguresReplaceThePresetsAndTheOtherStays() {
        // 10 GbE: 16.5 µs one way, 9.41 Gbit/s
        LinkCost preset = NetworkPreset.ETH_10G.link(GAMMA, null, null);
        assertEquals(16.5e-6, preset.latencySeconds(), 1e-15);
        assertEquals(8 / 9.41e9, preset.secondsPerByte(), 1e-20);
        assertEquals(GAMMA, preset.secondsPerReducedFloat());
        LinkCost slower = NetworkPreset.ETH_10G.link(GAMMA, 50.0, null);
        assertEquals(50e-6, slower.latencySeconds(), 1e-15);
        assertEquals(preset.secondsPerByte(), slower.secondsPerByte(), 1e-20);
        LinkCost narrower = NetworkPreset.ETH_10G.link(GAMMA, null, 1.0);
        assertEquals(preset.latencySeconds(), narrower.latencySeconds(), 1e-15);
        assertEquals(8e-9, narrower.secondsPerByte(), 1e-20);
    }

    @Test
    void loopbackIsTheCalibratedTransportUnlessFiguresAreGivenAndThenWhatIsNotGivenIsFree() {
        assertNull(NetworkPreset.LOOPBACK.link(GAMMA, null, null));
        LinkCost latencyOnly = NetworkPreset.LOOPBACK.link(GAMMA, 20.0, null);
        assertEquals(20e-6, latencyOnly.latencySeconds(), 1e-15);
        assertEquals(0, latencyOnly.secondsPerByte());
        LinkCost both = NetworkPreset.LOOPBACK.link(GAMMA, 5.0, 40.0);
        assertEquals(LinkCost.of(5, 40, GAMMA), both);
    }
}
