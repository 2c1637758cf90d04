package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetChecksumTest {
    private static final ImageShape SHAPE = new ImageShape(1, 2, 2);
    private static final DatasetInfo INFO = new DatasetInfo("tiny", "Tiny", SHAPE, List.of("a", "b"), true, "a test");

    @TempDir
    Path dir;

    /** Fixed as long as the embedded digits and the checksum's definition are: a change to either shows here. */
    @Test
    void theEmbeddedDigitsHaveTheirKnownChecksum() {
        Dataset mnistMini = new DatasetCatalog(dir, dir.resolve("not-installed")).load("mnist-mini");
        assertEquals("sha256:99f906224b8ac87fb402c042188cbea70e170035da8a93de53e7d243fb9ef130", mnistMini.checksum());
    }

    @Test
    void equalContentHasAnEqualChecksumAndAnyDifferenceChangesIt() {
        String checksum = dataset(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {0, 1}).checksum();
        assertEquals(checksum, dataset(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {0, 1}).checksum());
        assertNotEquals(checksum, dataset(new byte[] {1, 2, 3, 4, 5, 6, 7, 9}, new byte[] {0, 1}).checksum(), "a pixel");
        assertNotEquals(checksum, dataset(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {1, 1}).checksum(), "a label");
        Dataset swapped = new Dataset(INFO, split(new byte[] {9, 9, 9, 9}, new byte[] {1}),
                split(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {0, 1}));
        assertNotEquals(checksum, swapped.checksum(), "which images are for training");
    }

    private static Dataset dataset(byte[] trainPixels, byte[] trainLabels) {
        return new Dataset(INFO, split(trainPixels, trainLabels), split(new byte[] {9, 9, 9, 9}, new byte[] {1}));
    }

    private static ImageSet split(byte[] pixels, byte[] labels) {
        return ImageSet.of(SHAPE, pixels, labels, 2);
    }
}
