package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    private static final ImageShape SHAPE = new ImageShape(2, 4, 5);
    private static final Normalization UNIT = new Normalization(new float[] {0, 0}, new float[] {1, 1});

    /** Pixel values encode image, channel, row and column (mod 256), so any misplaced pixel shows. */
    private static int value(int image, int c, int y, int x) {
        return (100 * image + 20 * c + 5 * y + x) & 0xff;
    }

    private static ImageSet images() {
        byte[] pixels = new byte[6 * SHAPE.size()];
        byte[] labels = new byte[6];
        for (int i = 0; i < 6; i++) {
            labels[i] = (byte) (5 - i);
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 5; x++) {
                        pixels[i * SHAPE.size() + (c * 4 + y) * 5 + x] = (byte) value(i, c, y, x);
                    }
                }
            }
        }
        return ImageSet.of(SHAPE, pixels, labels, 6);
    }

    @Test
    void fillsAnIndexSliceInNchwOrderWithNormalisedValues() {
        Normalization normalization = new Normalization(new float[] {0.5f, 0.1f}, new float[] {0.25f, 2f});
        BatchAssembler assembler = new BatchAssembler(images(), normalization, null);
        float[] batch = new float[3 * SHAPE.size() + 7];
        int[] labels = new int[4];
        batch[batch.length - 1] = 42;

        assembler.fill(new int[] {9, 9, 4, 0, 2, 9}, 2, 3, batch, labels, null);

        int[] chosen = {4, 0, 2};
        for (int k = 0; k < 3; k++) {
            assertEquals(5 - chosen[k], labels[k]);
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 5; x++) {
                        float expected = (value(chosen[k], c, y, x) / 255f - normalization.mean()[c])
                                / normalization.std()[c];
                        assertEquals(expected, batch[k * SHAPE.size() + (c * 4 + y) * 5 + x], 1e-5f);
                    }
                }
            }
        }
        assertEquals(42, batch[batch.length - 1], "nothing written past the batch");
        assertEquals(0, labels[3]);
    }

    @Test
    void cropShiftsAndPadsWithBlack() {
        BatchAssembler assembler = new BatchAssembler(images(), UNIT, null);
        float[] out = new float[SHAPE.size()];

        assembler.writeImage(1, out, 0, 1, -2, false);

        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    int sy = y + 1;
                    int sx = x - 2;
                    boolean inside = sy < 4 && sx >= 0;
                    float expected = inside ? value(1, c, sy, sx) / 255f : 0f;
                    assertEquals(expected, out[(c * 4 + y) * 5 + x], 1e-6f, "c" + c + " y" + y + " x" + x);
                }
            }
        }
    }

    @Test
    void flipMirrorsEachRow() {
        BatchAssembler assembler = new BatchAssembler(images(), UNIT, null);
        float[] out = new float[SHAPE.size()];

        assembler.writeImage(2, out, 0, 0, 0, true);

        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(value(2, 1, y, 4 - x) / 255f, out[(4 + y) * 5 + x], 1e-6f);
            }
        }
    }

    /** Which shift and flip produced each image of an augmented batch of copies of image 0. */
    private static Set<String> transformsSeen(Augmentation augmentation, int seed) {
        BatchAssembler assembler = new BatchAssembler(images(), UNIT, augmentation);
        BatchAssembler plain = new BatchAssembler(images(), UNIT, null);
        int[] indices = new int[400];
        float[] batch = new float[indices.length * SHAPE.size()];
        float[] again = new float[batch.length];
        int[] labels = new int[indices.length];

        assembler.fill(indices, 0, indices.length, batch, labels, new SplittableRandom(seed));
        assembler.fill(indices, 0, indices.length, again, labels, new SplittableRandom(seed));

        assertArrayEquals(batch, again, "same random seed, same batch");
        Set<String> seen = new HashSet<>();
        float[] candidate = new float[SHAPE.size()];
        int padding = augmentation.padding();
        for (int k = 0; k < indices.length; k++) {
            String match = null;
            for (int dy = -padding; dy <= padding; dy++) {
                for (int dx = -padding; dx <= padding; dx++) {
                    for (boolean flip : new boolean[] {false, true}) {
                        plain.writeImage(0, candidate, 0, dy, dx, flip);
                        if (match == null && Arrays.equals(candidate, 0, candidate.length, batch, k * SHAPE.size(),
                                (k + 1) * SHAPE.size())) {
                            match = dy + "," + dx + "," + flip;
                        }
                    }
                }
            }
            assertTrue(match != null, "image " + k + " is a crop/flip of the source");
            seen.add(match);
        }
        return seen;
    }

    @Test
    void augmentationDrawsEveryShiftAndBothFlipsReproducibly() {
        Set<String> seen = transformsSeen(new Augmentation(1, true), 11);

        assertEquals(9 * 2, seen.size(), "all 9 shifts and both flips occur: " + seen);
    }

    @Test
    void withoutFlipOnlyShifts() {
        Set<String> seen = transformsSeen(new Augmentation(1, false), 12);

        assertEquals(9, seen.size(), seen.toString());
        assertTrue(seen.stream().allMatch(transform -> transform.endsWith("false")), seen.toString());
    }

    @Test
    void rejectsArraysTooSmallForTheBatch() {
        BatchAssembler assembler = new BatchAssembler(images(), UNIT, null);

        assertThrows(IllegalArgumentException.class,
                () -> assembler.fill(new int[] {0, 1}, 0, 2, new float[SHAPE.size()], new int[2], null));
        assertThrows(IndexOutOfBoundsException.class,
                () -> assembler.fill(new int[] {0, 1}, 1, 2, new float[2 * SHAPE.size()], new int[2], null));
    }

    @Test
    void cifarStandardIsPadFourWithFlips() {
        assertEquals(new Augmentation(4, true), Augmentation.cifarStandard());
    }
}
