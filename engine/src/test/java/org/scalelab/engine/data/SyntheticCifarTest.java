package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticCifarTest {

    private static byte[] allPixels(ImageSet images) {
        byte[] all = new byte[images.size() * images.shape().size()];
        for (int i = 0; i < images.size(); i++) {
            images.copyPixels(i, all, i * images.shape().size());
        }
        return all;
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        Dataset a = SyntheticCifar.generate(50, 20, 7);
        Dataset b = SyntheticCifar.generate(50, 20, 7);
        Dataset c = SyntheticCifar.generate(50, 20, 8);

        assertArrayEquals(allPixels(a.train()), allPixels(b.train()));
        assertArrayEquals(allPixels(a.test()), allPixels(b.test()));
        assertFalse(Arrays.equals(allPixels(a.train()), allPixels(c.train())));
        assertFalse(Arrays.equals(allPixels(a.train()), allPixels(a.test())), "test images are not training images");
    }

    @Test
    void isCifarShapedBalancedAndSaysItIsSynthetic() {
        Dataset data = SyntheticCifar.generate(100, 30, 1);

        assertEquals(new ImageShape(3, 32, 32), data.train().shape());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, data.train().classCounts());
        assertTrue(data.info().synthetic());
        assertTrue(data.info().displayName().contains("Synthetic"));
        assertTrue(data.info().source().contains("not real images"));
    }

    /**
     * Learnable: even a nearest-class-mean classifier on raw pixels does far better than the 10% of chance,
     * so a real model has something to learn — but it is not solved outright, so training curves mean something.
     */
    @Test
    void classesAreLearnable() {
        Dataset data = SyntheticCifar.generate(2_000, 500, 3);
        int size = data.train().shape().size();
        double[][] means = new double[10][size];
        byte[] image = new byte[size];
        for (int i = 0; i < data.train().size(); i++) {
            data.train().copyPixels(i, image, 0);
            for (int p = 0; p < size; p++) {
                means[data.train().label(i)][p] += (image[p] & 0xff) / 200.0;
            }
        }
        int correct = 0;
        for (int i = 0; i < data.test().size(); i++) {
            data.test().copyPixels(i, image, 0);
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < 10; c++) {
                double distance = 0;
                for (int p = 0; p < size; p++) {
                    double d = (image[p] & 0xff) - means[c][p];
                    distance += d * d;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            correct += best == data.test().label(i) ? 1 : 0;
        }
        double accuracy = correct / (double) data.test().size();
        assertTrue(accuracy > 0.3, "nearest-mean accuracy " + accuracy);
        assertTrue(accuracy < 0.85, "nearest-mean accuracy " + accuracy);
    }
}
