package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void isAPermutation() {
        int[] order = new EpochOrder(1_000, 5).permutation(3);

        assertArrayEquals(IntStream.range(0, 1_000).toArray(), Arrays.stream(order).sorted().toArray());
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        assertArrayEquals(new EpochOrder(500, 5).permutation(2), new EpochOrder(500, 5).permutation(2));
    }

    @Test
    void epochsAndSeedsGiveDifferentOrders() {
        EpochOrder order = new EpochOrder(500, 5);

        assertFalse(Arrays.equals(order.permutation(0), order.permutation(1)));
        assertFalse(Arrays.equals(order.permutation(0), new EpochOrder(500, 6).permutation(0)));
        assertFalse(Arrays.equals(IntStream.range(0, 500).toArray(), order.permutation(0)), "actually shuffled");
    }

    /** Seeds derived by adding to a SplittableRandom seed would make epoch e+1 a shifted copy of epoch e. */
    @Test
    void neighbouringEpochsAreNotShiftedCopies() {
        EpochOrder order = new EpochOrder(200, 1);
        int[] first = order.permutation(0);
        int[] second = order.permutation(1);
        int samePlace = 0;
        for (int i = 0; i < first.length; i++) {
            samePlace += first[i] == second[i] ? 1 : 0;
        }
        assertTrue(samePlace < 10, samePlace + " of 200 in the same place");
    }

    @Test
    void handlesEmptyAndSingleSets() {
        assertEquals(0, new EpochOrder(0, 1).permutation(0).length);
        assertArrayEquals(new int[] {0}, new EpochOrder(1, 1).permutation(7));
    }
}
