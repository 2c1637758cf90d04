package org.scalelab.engine.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the CIFAR-10 binary version: {@code data_batch_1.bin … data_batch_5.bin} and {@code test_batch.bin},
 * each a run of 3,073-byte records (one label byte, then 1,024 red, 1,024 green and 1,024 blue bytes, each
 * plane row-major 32×32 — already the CHW order of {@link ImageSet}). Reads them from a folder, or streams them
 * straight out of {@code cifar-10-binary.tar.gz} without unpacking it.
 */
public final class CifarReader {

    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    public static final int CLASS_COUNT = 10;
    public static final int RECORD_BYTES = 1 + SHAPE.size();
    public static final String ARCHIVE_NAME = "cifar-10-binary.tar.gz";
    /** The folder inside the archive; accepted below a chosen folder too, as people often pick its parent. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";
    public static final List<String> TRAIN_BATCHES =
            IntStream.rangeClosed(1, 5).mapToObj(i -> "data_batch_" + i + ".bin").toList();
    public static final String TEST_BATCH = "test_batch.bin";
    private static final List<String> ALL_BATCHES = Stream.concat(TRAIN_BATCHES.stream(), Stream.of(TEST_BATCH)).toList();

    private CifarReader() {
    }

    /**
     * Reads a folder holding the six batch files (directly or in {@code cifar-10-batches-bin/}) or
     * {@code cifar-10-binary.tar.gz}, or a tar archive (gzip-compressed or not) holding the batch files.
     *
     * @throws DatasetException naming the file and the problem: missing batches, a size that is not whole
     *                          records, a truncated archive, a label out of range
     */
    public static TrainAndTest read(Path folderOrArchive) {
        List<Path> files = locate(folderOrArchive);
        if (files.size() == 1) {
            return readArchive(DataFile.of(files.get(0)));
        }
        Map<String, ImageSet> batches = new HashMap<>();
        for (Path file : files) {
            batches.put(file.getFileName().toString(), readBatchFile(file));
        }
        return splits(batches);
    }

    /**
     * The files that hold the data: one archive (given, or {@code cifar-10-binary.tar.gz} in the folder), or
     * the six batch files of a folder.
     *
     * @throws DatasetException naming the folder and the batch files it lacks
     */
    public static List<Path> locate(Path folderOrArchive) {
        if (Files.isRegularFile(folderOrArchive)) {
            return List.of(folderOrArchive);
        }
        if (!Files.isDirectory(folderOrArchive)) {
            throw new DatasetException(folderOrArchive + ": no such folder or archive");
        }
        Path archive = folderOrArchive.resolve(ARCHIVE_NAME);
        if (Files.isRegularFile(archive)) {
            return List.of(archive);
        }
        Path folder = batchFolder(folderOrArchive);
        List<String> missing = ALL_BATCHES.stream().filter(name -> !Files.isRegularFile(folder.resolve(name))).toList();
        if (!missing.isEmpty()) {
            throw missingBatches(folder.toString(), missing);
        }
        return ALL_BATCHES.stream().map(folder::resolve).toList();
    }

    private static Path batchFolder(Path folder) {
        Path nested = folder.resolve(ARCHIVE_FOLDER);
        return Files.isRegularFile(folder.resolve(TEST_BATCH)) || !Files.isDirectory(nested) ? folder : nested;
    }

    private static DatasetException missingBatches(String where, List<String> missing) {
        return new DatasetException(where + ": missing " + String.join(", ", missing)
                + " (expected the CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin)");
    }

    private static ImageSet readBatchFile(Path path) {
        DataFile file = DataFile.of(path);
        try (InputStream in = new BufferedInputStream(file.open(), Streams.BUFFER_BYTES)) {
            return readBatch(in, Files.size(path), file::error);
        } catch (IOException e) {
            throw file.error("read failed: " + e.getMessage(), e);
        }
    }

    /** One pass through the tar: batches are picked up by file name wherever they sit in it. */
    private static TrainAndTest readArchive(DataFile archive) {
        Map<String, ImageSet> batches = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Streams.decodeIfCompressed(archive.open()))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isFile() && ALL_BATCHES.contains(name)) {
                    batches.put(name, readBatch(tar, entry.getSize(), problem -> archive.error(path + ": " + problem)));
                }
            }
        } catch (IOException e) {
            throw archive.error("not a readable tar archive: " + e.getMessage(), e);
        }
        List<String> missing = ALL_BATCHES.stream().filter(name -> !batches.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw missingBatches(archive.name(), missing);
        }
        return splits(batches);
    }

    private static TrainAndTest splits(Map<String, ImageSet> batches) {
        List<ImageSet> train = new ArrayList<>();
        TRAIN_BATCHES.forEach(name -> train.add(batches.get(name)));
        return new TrainAndTest(ImageSet.concat(train), batches.get(TEST_BATCH));
    }

    /** Reads {@code size} bytes of whole records; {@code error} turns a problem into an exception naming the file. */
    private static ImageSet readBatch(InputStream in, long size, Function<String, DatasetException> error)
            throws IOException {
        if (size % RECORD_BYTES != 0) {
            throw error.apply("size " + Text.count(size) + " bytes is not a multiple of the "
                    + Text.count(RECORD_BYTES) + "-byte record (a label byte and a " + SHAPE + " image)");
        }
        long records = size / RECORD_BYTES;
        if (records * SHAPE.size() > Integer.MAX_VALUE - 8) {
            throw error.apply("size " + Text.count(size) + " bytes is too large for one batch");
        }
        byte[] labels = new byte[(int) records];
        byte[] pixels = new byte[(int) records * SHAPE.size()];
        byte[] record = new byte[RECORD_BYTES];
        for (int r = 0; r < records; r++) {
            if (Streams.readUpTo(in, record, 0, RECORD_BYTES) < RECORD_BYTES) {
                throw error.apply("truncated: expected " + Text.count(records) + " records, holds " + Text.count(r));
            }
            labels[r] = record[0];
            System.arraycopy(record, 1, pixels, r * SHAPE.size(), SHAPE.size());
        }
        Labels.check(labels, CLASS_COUNT, error);
        return ImageSet.adopt(SHAPE, pixels, labels, CLASS_COUNT);
    }
}
