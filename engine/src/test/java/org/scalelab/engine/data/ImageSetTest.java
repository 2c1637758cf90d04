package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    private static final ImageShape RGB_2X3 = new ImageShape(3, 2, 3);

    /** Four images whose bytes are 0..71 in order, labelled 3, 1, 3, 0. */
    private static ImageSet fourImages() {
        byte[] pixels = new byte[4 * RGB_2X3.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        return ImageSet.of(RGB_2X3, pixels, new byte[] {3, 1, 3, 0}, 4);
    }

    @Test
    void pixelsAreChannelPlanesOfRowMajorRows() {
        ImageSet images = fourImages();

        assertEquals(18, RGB_2X3.size());
        assertEquals(18 + 6 + 3 + 2, images.pixel(1, 1, 1, 2), "image 1, green, row 1, column 2");
        assertEquals(3, images.label(0));
    }

    @Test
    void ofCopiesSoCallersCannotChangeTheSet() {
        byte[] pixels = new byte[RGB_2X3.size()];
        byte[] labels = {1};
        ImageSet images = ImageSet.of(RGB_2X3, pixels, labels, 2);

        pixels[0] = 9;
        labels[0] = 0;

        assertEquals(0, images.pixel(0, 0, 0, 0));
        assertEquals(1, images.label(0));
    }

    @Test
    void ofRejectsMismatchedArraysAndLabelsOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(RGB_2X3, new byte[RGB_2X3.size() + 1], new byte[1], 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(RGB_2X3, new byte[2 * RGB_2X3.size()], new byte[] {0, 2}, 2));
        assertEquals("label 2 of item 1 is out of range, expected 0..1", e.getMessage());
    }

    @Test
    void subsetPicksImagesInTheGivenOrder() {
        ImageSet images = fourImages();

        ImageSet subset = images.subset(new int[] {2, 0, 2});

        assertEquals(3, subset.size());
        assertEquals(3, subset.label(0));
        byte[] expected = new byte[RGB_2X3.size()];
        byte[] actual = new byte[RGB_2X3.size()];
        images.copyPixels(2, expected, 0);
        subset.copyPixels(2, actual, 0);
        assertArrayEquals(expected, actual);
        assertEquals(2 * 18, subset.pixel(0, 0, 0, 0));
        assertEquals(0, subset.pixel(1, 0, 0, 0));
    }

    @Test
    void classCountsCountEachLabel() {
        assertArrayEquals(new int[] {1, 1, 0, 2}, fourImages().classCounts());
    }

    @Test
    void concatJoinsInOrder() {
        ImageSet images = fourImages();

        ImageSet joined = ImageSet.concat(List.of(images.subset(new int[] {3}), images.subset(new int[] {0, 1})));

        assertEquals(3, joined.size());
        assertEquals(3 * 18, joined.pixel(0, 0, 0, 0));
        assertEquals(18, joined.pixel(2, 0, 0, 0));
        assertEquals(1, joined.label(2));
    }
}
