package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertPixelsAreTestData(ImageSet images) {
        byte[] image = new byte[images.shape().size()];
        for (int i = 0; i < images.size(); i++) {
            images.copyPixels(i, image, 0);
            for (int p = 0; p < image.length; p++) {
                assertEquals(TestData.pixel(i, p), image[p], "image " + i + " pixel " + p);
            }
            assertEquals(TestData.label(i), images.label(i));
        }
    }

    @Test
    void readsGzipAndRawFilesAlike() throws Exception {
        Path gzImages = write("a-images.gz", TestData.gzip(TestData.idxImages(7, 5, 4)));
        Path gzLabels = write("a-labels.gz", TestData.gzip(TestData.idxLabels(7)));
        Path rawImages = write("b-images", TestData.idxImages(7, 5, 4));
        Path rawLabels = write("b-labels", TestData.idxLabels(7));

        for (ImageSet images : new ImageSet[] {
                IdxReader.read(gzImages, gzLabels, 10), IdxReader.read(rawImages, rawLabels, 10)}) {
            assertEquals(new ImageShape(1, 5, 4), images.shape());
            assertEquals(7, images.size());
            assertPixelsAreTestData(images);
        }
    }

    @Test
    void readsTheInstalledFashionMnist() {
        Path installed = DatasetCatalog.DEFAULT_INSTALLED_FASHION_MNIST;
        assumeTrue(Files.isDirectory(installed), "Debian's dataset-fashion-mnist is not installed");

        TrainAndTest data = IdxReader.readFolder(installed, new ImageShape(1, 28, 28), 10);

        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(new ImageShape(1, 28, 28), data.train().shape());
        // Fashion-MNIST is balanced: 6,000 and 1,000 images per class.
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6_000);
        assertArrayEquals(sixThousand, data.train().classCounts());
    }

    @Test
    void badMagicNamesFileAndBothNumbers() throws Exception {
        Path labels = write("train-labels-idx1-ubyte.gz", TestData.gzip(TestData.idxLabels(3)));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(labels, labels, 10));

        assertEquals(labels + ": bad magic 0x00000801, expected 0x00000803 (IDX images)", e.getMessage());
    }

    @Test
    void truncatedGzipFileSaysHowManyImagesItHolds() throws Exception {
        byte[] full = TestData.gzip(TestData.idxImages(100, 28, 28));
        Path images = write("train-images-idx3-ubyte.gz", Arrays.copyOf(full, full.length / 2));
        Path labels = write("labels", TestData.idxLabels(100));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertTrue(e.getMessage().startsWith(images + ": truncated: header says 100 images, file holds "), e.getMessage());
    }

    @Test
    void truncatedRawFileSaysHowManyImagesItHolds() throws Exception {
        byte[] full = TestData.idxImages(60, 2, 2);
        Path images = write("images", Arrays.copyOf(full, 16 + 41 * 4 + 3));
        Path labels = write("labels", TestData.idxLabels(60));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertEquals(images + ": truncated: header says 60 images, file holds 41", e.getMessage());
    }

    @Test
    void aHeaderClaimingHugeCountsFailsAsTruncatedNotOutOfMemory() throws Exception {
        byte[] header = ByteBuffer.allocate(16 + 784).putInt(IdxReader.IMAGES_MAGIC).putInt(2_700_000).putInt(28)
                .putInt(28).array();
        Path images = write("images", header);
        Path labels = write("labels", TestData.idxLabels(1));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertEquals(images + ": truncated: header says 2,700,000 images, file holds 1", e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() throws Exception {
        Path images = write("images", Arrays.copyOf(TestData.idxImages(1, 2, 2), 9));
        Path labels = write("labels", TestData.idxLabels(1));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertEquals(images + ": header truncated: 9 bytes, expected 16", e.getMessage());
    }

    @Test
    void dataBeyondTheAnnouncedCountIsRejected() throws Exception {
        byte[] labelBytes = TestData.idxLabels(5);
        Path images = write("images", TestData.idxImages(4, 2, 2));
        Path labels = write("labels", ByteBuffer.allocate(labelBytes.length).put(labelBytes).putInt(4, 3).array());

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertEquals(labels + ": 2 bytes follow the 3 labels the header announces", e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        Path images = write("train-images-idx3-ubyte", TestData.idxImages(5, 2, 2));
        Path labels = write("train-labels-idx1-ubyte", TestData.idxLabels(6));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertEquals(images + " holds 5 images but " + labels + " holds 6 labels", e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesItemAndRange() throws Exception {
        byte[] labelBytes = TestData.idxLabels(5);
        labelBytes[8 + 3] = 12;
        Path images = write("images", TestData.idxImages(5, 2, 2));
        Path labels = write("labels", labelBytes);

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(images, labels, 10));

        assertEquals(labels + ": label 12 of item 3 is out of range, expected 0..9", e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path labels = write("labels", TestData.idxLabels(1));

        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.read(dir.resolve("nowhere.gz"), labels, 10));

        assertEquals(dir.resolve("nowhere.gz") + ": file not found", e.getMessage());
    }

    @Test
    void folderReadingListsTheMissingFiles() {
        TestData.write(dir, Map.of(IdxReader.TRAIN_IMAGES + ".gz", TestData.gzip(TestData.idxImages(1, 2, 2)),
                IdxReader.TRAIN_LABELS, TestData.idxLabels(1)));

        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir, new ImageShape(1, 28, 28), 10));

        assertEquals(dir + ": missing t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz (or the same names"
                + " without .gz)", e.getMessage());
    }

    @Test
    void folderPrefersGzipButAcceptsRaw() {
        TestData.writeIdxFolder(dir, 12, 3);
        TestData.write(dir, Map.of(IdxReader.TEST_LABELS, TestData.idxLabels(99)));

        TrainAndTest data = IdxReader.readFolder(dir, new ImageShape(1, 28, 28), 10);

        assertEquals(12, data.train().size());
        assertEquals(3, data.test().size());
        assertPixelsAreTestData(data.train());
    }
}
