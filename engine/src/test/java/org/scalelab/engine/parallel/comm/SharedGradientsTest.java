package org.scalelab.engine.parallel.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads stand in for the ranks here; the files and mappings are the ones ranks use (MpjTrainingTest runs ranks). */
class SharedGradientsTest {
    @TempDir
    Path directory;

    /** Three ranks, an uneven split: the sum is the serial loop's in rank order, bit for bit, on every rank. */
    @Test
    void ranksSumTheirGradientsWhereTheyLie() {
        int ranks = 3;
        int floats = 10_007;
        Runnable meet = meeting(ranks);
        List<float[]> sums = ThreadedRanks.run(ranks, rank -> {
            SharedGradients gradients = new SharedGradients(directory, rank, ranks);
            FloatBuffer mine = gradients.allocate(floats);
            mine.put(0, ThreadedRanks.randomValues(rank, floats));
            gradients.allreduceSum(mine, meet);
            float[] sum = new float[floats];
            mine.get(0, sum);
            return sum;
        });
        float[] expected = ThreadedRanks.serialSum(ranks, floats);
        for (float[] sum : sums) {
            assertArrayEquals(expected, sum);
        }
    }

    /** An overlapped allreduce passes its buckets: views of part of the gradients, the same part on every rank. */
    @Test
    void aViewOfPartOfTheGradientsIsSummedAndTheRestLeftAlone() {
        int ranks = 2;
        Runnable meet = meeting(ranks);
        List<float[]> results = ThreadedRanks.run(ranks, rank -> {
            SharedGradients gradients = new SharedGradients(directory, rank, ranks);
            FloatBuffer mine = gradients.allocate(100);
            float[] values = new float[100];
            Arrays.fill(values, rank + 1);
            mine.put(0, values);
            FloatBuffer bucket = mine.slice(30, 40);
            assertTrue(gradients.holds(bucket));
            gradients.allreduceSum(bucket, meet);
            mine.get(0, values);
            return values;
        });
        for (int rank = 0; rank < ranks; rank++) {
            float[] values = results.get(rank);
            for (int i = 0; i < 100; i++) {
                assertTrue(i >= 30 && i < 70 ? values[i] == 3f : values[i] == rank + 1, "rank " + rank + ", element " + i);
            }
        }
    }

    @Test
    void onlyBuffersInThisRanksSharedGradientsAreItsToSum() {
        SharedGradients gradients = new SharedGradients(directory, 0, 2);
        FloatBuffer direct = ByteBuffer.allocateDirect(400).asFloatBuffer();
        assertFalse(gradients.holds(direct), "nothing allocated yet");
        FloatBuffer mine = gradients.allocate(100);
        assertTrue(gradients.holds(mine));
        assertTrue(gradients.holds(mine.slice(90, 10)));
        assertFalse(gradients.holds(direct));
        assertFalse(gradients.holds(FloatBuffer.allocate(100)));
        assertThrows(IllegalStateException.class, () -> gradients.allocate(100), "one buffer per rank");
    }

    /** Returns once every one of {@code ranks} threads has called it. */
    private static Runnable meeting(int ranks) {
        CyclicBarrier barrier = new CyclicBarrier(ranks);
        return () -> {
            try {
                barrier.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
