package org.scalelab.engine.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates CIFAR-shaped (3×32×32, 10 classes) images that are learnable but not trivial: each class is a
 * shape or stripe pattern (disc, square, triangle, ring, plus, horizontal, vertical or diagonal stripes,
 * checkerboard, diamond) whose colour leans towards a class hue, drawn at a random position and size on a
 * random dark background, with pixel noise. A nearest-class-mean classifier on raw pixels gets about
 * 60%, so colour helps but shape has to be learnt. Useful to exercise CIFAR-sized models where the real
 * set is not downloaded; never to report accuracy as if it were CIFAR-10.
 */
public final class SyntheticCifar {

    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    public static final List<String> CLASS_NAMES = List.of("disc", "square", "triangle", "ring", "plus",
            "horizontal stripes", "vertical stripes", "diagonal stripes", "checkerboard", "diamond");
    public static final int DEFAULT_TRAIN = 10_000;
    public static final int DEFAULT_TEST = 2_000;
    public static final long DEFAULT_SEED = 1;
    public static final DatasetInfo INFO = new DatasetInfo("synthetic-cifar", "Synthetic shapes (CIFAR-sized)",
            SHAPE, CLASS_NAMES, true, "Synthetic — procedurally generated, not real images");

    /** Pixel noise is uniform in ±NOISE (std ≈ 12): Gaussian noise made generation four times slower. */
    private static final int NOISE = 20;

    private SyntheticCifar() {
    }

    /** The same seed and counts always give the same images; the test set is drawn from its own stream. */
    public static Dataset generate(int trainCount, int testCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom testRandom = random.split();
        return new Dataset(INFO, generate(trainCount, random), generate(testCount, testRandom));
    }

    /** Labels cycle 0..9 so every prefix is balanced; training shuffles anyway. */
    private static ImageSet generate(int count, SplittableRandom random) {
        byte[] pixels = new byte[Math.multiplyExact(count, SHAPE.size())];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % CLASS_NAMES.size();
            labels[i] = (byte) label;
            draw(label, random, pixels, i * SHAPE.size());
        }
        return ImageSet.adopt(SHAPE, pixels, labels, CLASS_NAMES.size());
    }

    private static void draw(int label, SplittableRandom random, byte[] pixels, int offset) {
        // Colour alone must not give the class away: neighbouring hues overlap and 30% of shapes get any colour.
        double hue = random.nextDouble() < 0.3 ? random.nextDouble() : label / 10.0 + random.nextDouble(-0.15, 0.15);
        double[] foreground = hsv(hue, random.nextDouble(0.6, 1), random.nextDouble(0.7, 1));
        double[] background = hsv(random.nextDouble(), random.nextDouble(0, 0.6), random.nextDouble(0.05, 0.35));
        double centerX = 15.5 + random.nextDouble(-5, 5);
        double centerY = 15.5 + random.nextDouble(-5, 5);
        double radius = random.nextDouble(8, 12);
        int period = random.nextInt(3, 6);
        int plane = SHAPE.planeSize();
        for (int y = 0; y < SHAPE.height(); y++) {
            for (int x = 0; x < SHAPE.width(); x++) {
                boolean inside = inside(label, x - centerX, y - centerY, radius, x, y, period);
                double[] colour = inside ? foreground : background;
                for (int c = 0; c < 3; c++) {
                    double value = colour[c] * 255 + random.nextInt(2 * NOISE + 1) - NOISE;
                    pixels[offset + c * plane + y * SHAPE.width() + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
                }
            }
        }
    }

    /** Whether pixel (x, y), at (dx, dy) from the centre, belongs to class {@code label}'s pattern. */
    private static boolean inside(int label, double dx, double dy, double radius, int x, int y, int period) {
        double u = dx / radius;
        double v = dy / radius;
        boolean inSquare = Math.abs(u) < 1 && Math.abs(v) < 1;
        return switch (label) {
            case 0 -> u * u + v * v < 1;
            case 1 -> Math.max(Math.abs(u), Math.abs(v)) < 0.8;
            case 2 -> v < 0.8 && Math.abs(u) < (v + 0.9) / 1.7;
            case 3 -> u * u + v * v < 1 && u * u + v * v > 0.3;
            case 4 -> (Math.abs(u) < 0.3 && Math.abs(v) < 1) || (Math.abs(v) < 0.3 && Math.abs(u) < 1);
            case 5 -> inSquare && (y / period) % 2 == 0;
            case 6 -> inSquare && (x / period) % 2 == 0;
            case 7 -> inSquare && ((x + y) / period) % 2 == 0;
            case 8 -> inSquare && (x / period + y / period) % 2 == 0;
            case 9 -> Math.abs(u) + Math.abs(v) < 1;
            default -> throw new IllegalArgumentException("no pattern for class " + label);
        };
    }

    /** HSV to RGB in [0, 1]; hue wraps around. */
    private static double[] hsv(double hue, double saturation, double value) {
        double h = (hue - Math.floor(hue)) * 6;
        int sector = (int) h;
        double f = h - sector;
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        return switch (sector % 6) {
            case 0 -> new double[] {value, t, p};
            case 1 -> new double[] {q, value, p};
            case 2 -> new double[] {p, value, t};
            case 3 -> new double[] {p, q, value};
            case 4 -> new double[] {t, p, value};
            default -> new double[] {value, p, q};
        };
    }
}
