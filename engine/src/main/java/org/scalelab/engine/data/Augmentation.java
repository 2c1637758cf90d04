package org.scalelab.engine.data;

import java.util.random.RandomGenerator;

/**
 * Random crop after zero padding, plus random horizontal flip — the standard CIFAR training augmentation
 * ({@code RandomCrop(32, padding=4)} and {@code RandomHorizontalFlip()} in torchvision). Padding is black
 * (pixel value 0) before normalisation, as there. {@link BatchAssembler} applies it while copying, so no
 * padded image is ever allocated.
 *
 * @param padding        pixels of zero padding on each side; the crop shifts by up to this much
 * @param horizontalFlip whether half of the images are mirrored left to right
 */
public record Augmentation(int padding, boolean horizontalFlip) {

    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
    }

    /** Pad 4, crop back to size, flip half: what CIFAR-10 training usually uses. */
    public static Augmentation cifarStandard() {
        return new Augmentation(4, true);
    }

    /** A shift in -padding..padding, uniformly. */
    int drawShift(RandomGenerator random) {
        return random.nextInt(2 * padding + 1) - padding;
    }

    boolean drawFlip(RandomGenerator random) {
        return horizontalFlip && random.nextBoolean();
    }
}
