package org.scalelab.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: a big-endian header (magic {@code 0x00000803} then image
 * count, rows, columns for images; magic {@code 0x00000801} then count for labels) followed by unsigned bytes.
 * Files may be gzip-compressed or raw; the gzip magic decides, not the file name.
 */
public final class IdxReader {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** The standard file names of an MNIST-style folder, without {@code .gz}; either form is accepted. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private IdxReader() {
    }

    /**
     * Reads an images file and its labels file into 1×rows×cols images.
     *
     * @throws DatasetException naming the file and the problem: missing, bad magic, truncated, extra data,
     *                          label out of range, or image and label counts that differ
     */
    public static ImageSet read(Path images, Path labels, int classCount) {
        return read(DataFile.of(images), DataFile.of(labels), classCount);
    }

    /**
     * Reads an MNIST-style folder: the four standard files, each {@code NAME.gz} or uncompressed {@code NAME}.
     *
     * @param shape the dataset's image shape, which both image files must have
     * @throws DatasetException naming the missing or faulty file
     */
    public static TrainAndTest readFolder(Path folder, ImageShape shape, int classCount) {
        List<Path> files = locate(folder);
        return readSplits(name -> DataFile.of(files.get(FILE_NAMES.indexOf(name))), shape, classCount);
    }

    /** The four files of an MNIST-style folder, in {@link #FILE_NAMES} order, preferring {@code .gz}. */
    public static List<Path> locate(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + ": not a folder (expected one holding " + TRAIN_IMAGES
                    + ".gz and the other three IDX files)");
        }
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : FILE_NAMES) {
            Path gzipped = folder.resolve(name + ".gz");
            Path raw = folder.resolve(name);
            if (Files.isRegularFile(gzipped)) {
                files.add(gzipped);
            } else if (Files.isRegularFile(raw)) {
                files.add(raw);
            } else {
                missing.add(name + ".gz");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(folder + ": missing " + String.join(", ", missing)
                    + " (or the same names without .gz)");
        }
        return files;
    }

    /**
     * Reads both splits of a dataset whose images are {@code shape}, opening each of {@link #FILE_NAMES} through
     * {@code file}: a set of 32×32 images is no MNIST, however well formed its files.
     */
    static TrainAndTest readSplits(Function<String, DataFile> file, ImageShape shape, int classCount) {
        return new TrainAndTest(read(file.apply(TRAIN_IMAGES), file.apply(TRAIN_LABELS), shape, classCount),
                read(file.apply(TEST_IMAGES), file.apply(TEST_LABELS), shape, classCount));
    }

    private static ImageSet read(DataFile imagesFile, DataFile labelsFile, ImageShape shape, int classCount) {
        ImageSet images = read(imagesFile, labelsFile, classCount);
        if (!images.shape().equals(shape)) {
            throw imagesFile.error("images are " + images.shape() + ", but this dataset's are " + shape);
        }
        return images;
    }

    static ImageSet read(DataFile imagesFile, DataFile labelsFile, int classCount) {
        Images images = readImages(imagesFile);
        byte[] labels = readLabels(labelsFile, classCount);
        if (labels.length != images.count()) {
            throw new DatasetException(imagesFile.name() + " holds " + Text.count(images.count()) + " images but "
                    + labelsFile.name() + " holds " + Text.count(labels.length) + " labels");
        }
        return ImageSet.adopt(images.shape(), images.pixels(), labels, classCount);
    }

    private record Images(ImageShape shape, byte[] pixels) {
        int count() {
            return pixels.length / shape.size();
        }
    }

    private static Images readImages(DataFile file) {
        try (InputStream in = Streams.decodeIfCompressed(file.open())) {
            int[] header = readHeader(in, file, IMAGES_MAGIC, "IDX images", 3);
            int count = header[0];
            int rows = header[1];
            int columns = header[2];
            if (rows <= 0 || columns <= 0 || (long) rows * columns > Integer.MAX_VALUE) {
                throw file.error("header says images are " + rows + "x" + columns + " pixels");
            }
            ImageShape shape = new ImageShape(1, rows, columns);
            return new Images(shape, readBody(in, file, count, shape.size(), "images"));
        } catch (IOException e) {
            throw file.error("read failed: " + e.getMessage(), e);
        }
    }

    private static byte[] readLabels(DataFile file, int classCount) {
        try (InputStream in = Streams.decodeIfCompressed(file.open())) {
            int count = readHeader(in, file, LABELS_MAGIC, "IDX labels", 1)[0];
            byte[] labels = readBody(in, file, count, 1, "labels");
            Labels.check(labels, classCount, file::error);
            return labels;
        } catch (IOException e) {
            throw file.error("read failed: " + e.getMessage(), e);
        }
    }

    /** Checks the magic number and returns the {@code dimensions} int32 fields that follow it. */
    private static int[] readHeader(InputStream in, DataFile file, int magic, String kind, int dimensions)
            throws IOException {
        byte[] bytes = new byte[4 * (1 + dimensions)];
        int got = Streams.readUpTo(in, bytes, 0, bytes.length);
        if (got < 4) {
            throw file.error("too short for an IDX header: " + got + " bytes, expected " + bytes.length + " ("
                    + kind + ")");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int found = header.getInt();
        if (found != magic) {
            throw file.error(String.format(Locale.ROOT, "bad magic 0x%08X, expected 0x%08X (%s)", found, magic, kind));
        }
        if (got < bytes.length) {
            throw file.error("header truncated: " + got + " bytes, expected " + bytes.length);
        }
        int[] fields = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            fields[i] = header.getInt();
        }
        return fields;
    }

    /** Reads exactly {@code count} items of {@code itemBytes} and insists that nothing follows them. */
    private static byte[] readBody(InputStream in, DataFile file, int count, int itemBytes, String items)
            throws IOException {
        long total = (long) count * itemBytes;
        if (count < 0 || total > Integer.MAX_VALUE - 8) {
            throw file.error("header says " + Text.count(count) + " " + items + ", which is not a usable count");
        }
        byte[] body = Streams.readAtMost(in, (int) total);
        if (body.length < total) {
            throw file.error("truncated: header says " + Text.count(count) + " " + items + ", file holds "
                    + Text.count(body.length / itemBytes));
        }
        long extra = Streams.remaining(in);
        if (extra > 0) {
            throw file.error(Text.count(extra) + " bytes follow the " + Text.count(count) + " " + items
                    + " the header announces");
        }
        return body;
    }
}
