package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardsTest {

    @Test
    void threePartsOfTenElevenAndSixtyFour() {
        assertArrayEquals(new int[] {4, 3, 3}, Shards.partSizes(10, 3));
        assertArrayEquals(new int[] {4, 4, 3}, Shards.partSizes(11, 3));
        assertArrayEquals(new int[] {22, 21, 21}, Shards.partSizes(64, 3));
        assertArrayEquals(new int[] {3334, 3333, 3333}, Shards.partSizes(10_000, 3));
        assertEquals(8, Shards.partStart(11, 3, 2));
    }

    @ParameterizedTest
    @CsvSource({"10,3", "11,3", "64,3", "10000,3", "2,3", "0,4", "7,1", "100,8", "13,13"})
    void partsCoverEveryIndexExactlyOnceAndDifferByAtMostOne(int n, int parts) {
        int[] seen = new int[n];
        int[] sizes = Shards.partSizes(n, parts);
        int expectedStart = 0;
        for (int p = 0; p < parts; p++) {
            assertEquals(expectedStart, Shards.partStart(n, parts, p), "contiguous");
            assertEquals(sizes[p], Shards.partSize(n, parts, p));
            for (int i = Shards.partStart(n, parts, p); i < Shards.partStart(n, parts, p) + sizes[p]; i++) {
                seen[i]++;
            }
            expectedStart += sizes[p];
        }
        assertEquals(n, expectedStart);
        assertTrue(Arrays.stream(seen).allMatch(count -> count == 1), "every index exactly once");
        assertTrue(Arrays.stream(sizes).max().orElse(0) - Arrays.stream(sizes).min().orElse(0) <= 1);
    }

    @Test
    void aSliceOfAnIndexArraySplitsTheSameWay() {
        int[] indices = {90, 91, 92, 93, 94, 95, 96, 97, 98, 99};
        int from = 3;
        int count = 5;

        int start = from + Shards.partStart(count, 2, 1);

        assertEquals(96, indices[start]);
        assertEquals(2, Shards.partSize(count, 2, 1));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Shards.partSizes(10, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Shards.partStart(10, 3, 3));
    }
}
