package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.UpdateStaleness;

class StalenessHistogramTest {

    @Test
    void countsEveryUpdateByItsStalenessAndTheRefusals() {
        StalenessHistogram histogram = new StalenessHistogram();
        assertTrue(histogram.isEmpty());
        histogram.add(new UpdateStaleness(1, 1, List.of(0, 1, 0), 0));
        histogram.add(new UpdateStaleness(1, 2, List.of(2, 1, 0), 2));
        assertArrayEquals(new long[] {3, 2, 1}, histogram.counts());
        assertEquals(6, histogram.updates());
        assertEquals(2, histogram.refused());
        assertEquals(4.0 / 6, histogram.mean(), 1e-12);
        assertEquals("6 updates, mean staleness 0.67: 0 ×3 (50 %), 1 ×2 (33 %), 2 ×1 (17 %); 2 gradients refused as "
                + "too stale", histogram.describe());
    }

    @Test
    void theEpochsAResumedRunTrainsAgainCountOnce() {
        StalenessHistogram histogram = new StalenessHistogram();
        histogram.add(new UpdateStaleness(1, 1, List.of(0, 0), 0));
        histogram.add(new UpdateStaleness(2, 2, List.of(3, 3), 1));
        histogram.add(new RunResumed(1, 2, 2, 0, "2026-12-05T15:00:00Z"));
        histogram.add(new UpdateStaleness(2, 2, List.of(1, 0), 0));
        assertArrayEquals(new long[] {3, 1}, histogram.counts());
        assertEquals(0, histogram.refused());
    }
}
