package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalBatchesTest {

    @ParameterizedTest(name = "{0} images, global batch {1}, {2} workers")
    @CsvSource({"100, 32, 3", "1000, 64, 3", "10, 4, 3", "7, 64, 3", "65, 64, 4", "64, 64, 1", "5, 2, 3"})
    void everyImageOfTheEpochIsUsedExactlyOnce(int images, int globalBatch, int workers) {
        GlobalBatches batches = new GlobalBatches(images, globalBatch, workers);
        int[] uses = new int[images];
        for (int step = 0; step < batches.steps(); step++) {
            int sum = 0;
            for (int worker = 0; worker < workers; worker++) {
                int size = batches.partSize(step, worker);
                sum += size;
                assertTrue(Math.abs(size - (double) batches.size(step) / workers) < 1, "parts differ by at most one");
                for (int i = 0; i < size; i++) {
                    uses[batches.partStart(step, worker) + i]++;
                }
            }
            assertEquals(batches.size(step), sum);
        }
        for (int position = 0; position < images; position++) {
            assertEquals(1, uses[position], "image at position " + position);
        }
        assertEquals(images, batches.images(batches.steps()));
    }

    @ParameterizedTest
    @CsvSource({"100, 32, 0, 4", "100, 32, 2, 2", "100, 32, 9, 4"})
    void aStepLimitShortensTheEpoch(int images, int globalBatch, int limit, int steps) {
        GlobalBatches batches = new GlobalBatches(images, globalBatch, 2);
        assertEquals(steps, batches.steps(limit));
        assertEquals(Math.min(images, steps * globalBatch), batches.images(steps));
    }
}
