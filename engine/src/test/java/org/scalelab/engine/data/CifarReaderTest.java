package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    private static final int PER_BATCH = 4;

    @TempDir
    Path dir;

    /** Training images are numbered 0..19 across the five batches in order; test images from 1000. */
    private static void assertIsTestData(TrainAndTest data) {
        assertEquals(5 * PER_BATCH, data.train().size());
        assertEquals(PER_BATCH, data.test().size());
        assertImages(data.train(), 0);
        assertImages(data.test(), 1000);
    }

    private static void assertImages(ImageSet images, int first) {
        assertEquals(CifarReader.SHAPE, images.shape());
        byte[] image = new byte[CifarReader.SHAPE.size()];
        for (int i = 0; i < images.size(); i++) {
            images.copyPixels(i, image, 0);
            for (int p = 0; p < image.length; p++) {
                assertEquals(TestData.pixel(first + i, p), image[p], "image " + i + " pixel " + p);
            }
            assertEquals(TestData.label(first + i), images.label(i));
        }
    }

    @Test
    void recordsAreLabelThenRedGreenBluePlanes() throws Exception {
        byte[] record = new byte[CifarReader.RECORD_BYTES];
        record[0] = 7;
        record[1] = 11;                   // red (0, 0)
        record[1 + 1024 + 32 * 2 + 3] = 22; // green (y 2, x 3)
        record[1 + 2048 + 1023] = 33;     // blue (31, 31)
        Map<String, byte[]> files = TestData.cifarBatches(1);
        files.put(CifarReader.TEST_BATCH, record);
        TestData.write(dir, files);

        ImageSet test = CifarReader.read(dir).test();

        assertEquals(7, test.label(0));
        assertEquals(11, test.pixel(0, 0, 0, 0));
        assertEquals(22, test.pixel(0, 1, 2, 3));
        assertEquals(33, test.pixel(0, 2, 31, 31));
    }

    @Test
    void readsAFolderOfBatches() {
        TestData.write(dir, TestData.cifarBatches(PER_BATCH));

        assertIsTestData(CifarReader.read(dir));
    }

    @Test
    void readsTheBatchFolderInsideAChosenParent() {
        TestData.write(dir.resolve(CifarReader.ARCHIVE_FOLDER), TestData.cifarBatches(PER_BATCH));

        assertIsTestData(CifarReader.read(dir));
    }

    @Test
    void streamsTheTarGzArchive() throws Exception {
        Path archive = Files.write(dir.resolve("my-cifar.tar.gz"),
                TestData.tarGz(CifarReader.ARCHIVE_FOLDER, TestData.cifarBatches(PER_BATCH)));

        assertIsTestData(CifarReader.read(archive));
        assertEquals(List.of(archive), CifarReader.locate(archive));
    }

    @Test
    void aFolderHoldingTheDownloadedArchiveReadsTheArchive() throws Exception {
        Path archive = Files.write(dir.resolve(CifarReader.ARCHIVE_NAME),
                TestData.tarGz(CifarReader.ARCHIVE_FOLDER, TestData.cifarBatches(PER_BATCH)));

        assertEquals(List.of(archive), CifarReader.locate(dir));
        assertIsTestData(CifarReader.read(dir));
    }

    @Test
    void wrongFileSizeNamesFileAndRecordSize() {
        Map<String, byte[]> files = TestData.cifarBatches(PER_BATCH);
        files.put("data_batch_3.bin", new byte[10_000]);
        TestData.write(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(dir));

        assertEquals(dir.resolve("data_batch_3.bin") + ": size 10,000 bytes is not a multiple of the 3,073-byte record (a label byte and a 32x32x3 image)",
                e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReported() {
        Map<String, byte[]> files = TestData.cifarBatches(PER_BATCH);
        files.get(CifarReader.TEST_BATCH)[2 * CifarReader.RECORD_BYTES] = 10;
        TestData.write(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(dir));

        assertEquals(dir.resolve(CifarReader.TEST_BATCH) + ": label 10 of item 2 is out of range, expected 0..9",
                e.getMessage());
    }

    @Test
    void missingBatchesAreListed() {
        Map<String, byte[]> files = TestData.cifarBatches(PER_BATCH);
        files.remove("data_batch_2.bin");
        files.remove(CifarReader.TEST_BATCH);
        TestData.write(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(dir));

        assertTrue(e.getMessage().startsWith(dir + ": missing data_batch_2.bin, test_batch.bin"), e.getMessage());
    }

    @Test
    void archiveWithoutTheBatchesSaysWhichAreMissing() throws Exception {
        Map<String, byte[]> files = TestData.cifarBatches(PER_BATCH);
        files.remove("data_batch_5.bin");
        Path archive = Files.write(dir.resolve("cifar.tar.gz"), TestData.tarGz("x", files));

        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(archive));

        assertTrue(e.getMessage().startsWith(archive + ": missing data_batch_5.bin"), e.getMessage());
    }

    @Test
    void truncatedArchiveIsReported() throws Exception {
        byte[] whole = TestData.tarGz(CifarReader.ARCHIVE_FOLDER, TestData.cifarBatches(PER_BATCH));
        Path archive = Files.write(dir.resolve("cifar.tar.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));

        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(archive));

        assertTrue(e.getMessage().startsWith(archive + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void nonexistentPathIsNamed() {
        Path nowhere = dir.resolve("nowhere");

        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(nowhere));

        assertEquals(nowhere + ": no such folder or archive", e.getMessage());
    }
}
