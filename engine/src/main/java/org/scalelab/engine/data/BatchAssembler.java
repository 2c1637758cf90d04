package org.scalelab.engine.data;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Turns a slice of image indices into a float batch for training: NCHW, batch-major, normalised, optionally
 * augmented. It writes into arrays the caller allocated once, because it runs in the training hot loop and
 * must not allocate. It holds no mutable state, so workers may share one as long as each passes its own output
 * arrays and random generator.
 */
public final class BatchAssembler {

    private final ImageSet images;
    private final Augmentation augmentation;
    private final float[][] normalized;

    /** @param augmentation null for none (evaluation, or datasets where it does not apply) */
    public BatchAssembler(ImageSet images, Normalization normalization, Augmentation augmentation) {
        this.images = Objects.requireNonNull(images, "images");
        if (normalization.channels() != images.shape().channels()) {
            throw new IllegalArgumentException("normalization has " + normalization.channels() + " channels, images "
                    + images.shape().channels());
        }
        this.augmentation = augmentation;
        this.normalized = normalization.lookupTable();
    }

    /** Floats per image in the output. */
    public int imageSize() {
        return images.shape().size();
    }

    /**
     * Fills the first {@code count} images of {@code batchPixels} and {@code batchLabels} with the images at
     * {@code indices[from .. from+count)}.
     *
     * @param random drives the augmentation; may be null when there is none
     */
    public void fill(int[] indices, int from, int count, float[] batchPixels, int[] batchLabels,
                     RandomGenerator random) {
        Objects.checkFromIndexSize(from, count, indices.length);
        if (batchPixels.length < (long) count * imageSize() || batchLabels.length < count) {
            throw new IllegalArgumentException("batch arrays hold fewer than " + count + " images");
        }
        for (int k = 0; k < count; k++) {
            int image = indices[from + k];
            int shiftY = 0;
            int shiftX = 0;
            boolean flip = false;
            if (augmentation != null) {
                shiftY = augmentation.drawShift(random);
                shiftX = augmentation.drawShift(random);
                flip = augmentation.drawFlip(random);
            }
            writeImage(image, batchPixels, k * imageSize(), shiftY, shiftX, flip);
            batchLabels[k] = images.label(image);
        }
    }

    /**
     * Writes one normalised image whose pixel (y, x) is source pixel (y + shiftY, x + shiftX) — or black where
     * that falls outside, i.e. in the padding — mirrored left to right when {@code flip}.
     */
    void writeImage(int image, float[] out, int outOffset, int shiftY, int shiftX, boolean flip) {
        ImageShape shape = images.shape();
        int height = shape.height();
        int width = shape.width();
        byte[] pixels = images.pixelArray();
        int source = images.offset(image);
        int target = outOffset;
        for (int c = 0; c < shape.channels(); c++) {
            float[] value = normalized[c];
            int plane = source + c * shape.planeSize();
            for (int y = 0; y < height; y++) {
                int sourceY = y + shiftY;
                boolean rowInside = sourceY >= 0 && sourceY < height;
                for (int x = 0; x < width; x++) {
                    int sourceX = (flip ? width - 1 - x : x) + shiftX;
                    boolean inside = rowInside && sourceX >= 0 && sourceX < width;
                    out[target++] = value[inside ? pixels[plane + sourceY * width + sourceX] & 0xff : 0];
                }
            }
        }
    }
}
