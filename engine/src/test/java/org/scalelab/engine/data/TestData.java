package org.scalelab.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.scalelab.engine.faults.Damage;

/**
 * Small files in the real formats, generated so tests can check exact pixel values and break them on purpose.
 * Pixel values encode their position ({@link #pixel}) so a reader that mixes up order is caught.
 */
final class TestData {

    private TestData() {
    }

    /** The value of pixel {@code p} of image {@code i}: distinct enough to catch swapped orders. */
    static byte pixel(int i, int p) {
        return (byte) (i * 31 + p * 7);
    }

    /** A label that cycles through the classes. */
    static byte label(int i) {
        return (byte) (i % 10);
    }

    static byte[] idxImages(int count, int rows, int columns) {
        ByteBuffer out = ByteBuffer.allocate(16 + count * rows * columns);
        out.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * columns; p++) {
                out.put(pixel(i, p));
            }
        }
        return out.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer out = ByteBuffer.allocate(8 + count);
        out.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            out.put(label(i));
        }
        return out.array();
    }

    /** {@code records} CIFAR records; image numbers start at {@code first} so batches differ. */
    static byte[] cifarBatch(int first, int records) {
        ByteBuffer out = ByteBuffer.allocate(records * CifarReader.RECORD_BYTES);
        for (int i = first; i < first + records; i++) {
            out.put(label(i));
            for (int p = 0; p < CifarReader.SHAPE.size(); p++) {
                out.put(pixel(i, p));
            }
        }
        return out.array();
    }

    /** Six batch files: {@code perBatch} records each, images numbered across them, test batch last. */
    static Map<String, byte[]> cifarBatches(int perBatch) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int b = 0; b < CifarReader.TRAIN_BATCHES.size(); b++) {
            files.put(CifarReader.TRAIN_BATCHES.get(b), cifarBatch(b * perBatch, perBatch));
        }
        files.put(CifarReader.TEST_BATCH, cifarBatch(1000, perBatch));
        return files;
    }

    static byte[] gzip(byte[] data) {
        return Damage.gzip(data);
    }

    /** A gzip tar archive with each file under {@code folder/}, like the real CIFAR-10 download. */
    static byte[] tarGz(String folder, Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void write(Path folder, Map<String, byte[]> files) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete gzip IDX folder with {@code train} and {@code test} images of 28×28. */
    static void writeIdxFolder(Path folder, int train, int test) {
        write(folder, Map.of(
                IdxReader.TRAIN_IMAGES + ".gz", gzip(idxImages(train, 28, 28)),
                IdxReader.TRAIN_LABELS + ".gz", gzip(idxLabels(train)),
                IdxReader.TEST_IMAGES + ".gz", gzip(idxImages(test, 28, 28)),
                IdxReader.TEST_LABELS + ".gz", gzip(idxLabels(test))));
    }

    /** Every regular file below {@code root}, hidden ones included: for "leaves nothing behind" checks. */
    static List<Path> filesUnder(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (var paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
