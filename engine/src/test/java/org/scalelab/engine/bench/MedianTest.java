package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void theMiddleValueOrTheMeanOfTheTwoMiddleOnesWithoutReorderingTheInput() {
        double[] odd = {5, 1, 3};
        assertEquals(3, Median.of(odd));
        assertArrayEquals(new double[] {5, 1, 3}, odd);
        assertEquals(2.5, Median.of(4, 1, 2, 3));
        assertEquals(7, Median.of(7));
        assertThrows(IllegalArgumentException.class, Median::of);
    }
}
