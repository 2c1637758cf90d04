package org.scalelab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TimelineSamplingTest {

    @Test
    void aShortRunKeepsEveryStep() {
        TimelineSampling sampling = new TimelineSampling(625);
        assertEquals(625, LongStream.rangeClosed(1, 625).filter(sampling::keeps).count());
        assertFalse(new TimelineSampling(500).sampled());
    }

    @Test
    void aLongRunKeepsItsFirstStepsThenEvenlySpacedOnesAndAtMostTwiceTheWholePart() {
        TimelineSampling sampling = new TimelineSampling(100_000);
        assertTrue(sampling.sampled());
        assertTrue(LongStream.rangeClosed(1, TimelineSampling.WHOLE).allMatch(sampling::keeps));
        long kept = LongStream.rangeClosed(1, 100_000).filter(sampling::keeps).count();
        assertTrue(kept > TimelineSampling.WHOLE && kept <= 2 * TimelineSampling.WHOLE + 1, kept + " kept");
        assertEquals(199, sampling.stride());
    }
}
