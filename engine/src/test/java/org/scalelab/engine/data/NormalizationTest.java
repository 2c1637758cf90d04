package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    /** Two 1×2 RGB images: red is 0 and 255 everywhere, green constant 51, blue 0, 51, 102, 153. */
    static ImageSet twoImages() {
        byte[] pixels = {
                0, 0, 51, 51, 0, 51,
                (byte) 255, (byte) 255, 51, 51, 102, (byte) 153};
        return ImageSet.of(new ImageShape(3, 1, 2), pixels, new byte[] {0, 1}, 2);
    }

    @Test
    void fitsMeanAndPopulationStdPerChannelOnUnitScale() {
        Normalization n = Normalization.fit(twoImages());

        assertArrayEquals(new float[] {0.5f, 0.2f, 0.3f}, n.mean(), 1e-6f);
        // Blue: values 0, .2, .4, .6 around .3 → variance (.09 + .01 + .01 + .09) / 4 = .05.
        assertArrayEquals(new float[] {0.5f, 1f, (float) Math.sqrt(0.05)}, n.std(), 1e-6f);
    }

    @Test
    void aConstantChannelIsOnlyCentred() {
        assertEquals(1f, Normalization.fit(twoImages()).std()[1]);
    }

    @Test
    void matchesTheKnownMnistStatistics() {
        Normalization n = Normalization.fit(new EmbeddedMnistMini().load().train());

        // The usual full-MNIST values are 0.1307 and 0.3081; 8,000 of its digits come close.
        assertEquals(0.1307, n.mean()[0], 0.01);
        assertEquals(0.3081, n.std()[0], 0.01);
    }

    @Test
    void rejectsMismatchedOrNonPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0}, new float[] {0}));
    }

    @Test
    void valuesCannotBeChangedFromOutside() {
        float[] mean = {0.5f};
        Normalization n = new Normalization(mean, new float[] {1});

        mean[0] = 9;
        n.mean()[0] = 9;

        assertEquals(0.5f, n.mean()[0]);
    }
}
