package org.scalelab.engine.data;

import java.util.Objects;

/** A loaded dataset: its description plus the training and test images. */
public record Dataset(DatasetInfo info, ImageSet train, ImageSet test) {

    public Dataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        for (ImageSet split : new ImageSet[] {train, test}) {
            if (!split.shape().equals(info.shape()) || split.classCount() != info.classCount()) {
                throw new IllegalArgumentException(info.name() + ": split of " + split.shape() + " with "
                        + split.classCount() + " classes does not match " + info.shape() + " with "
                        + info.classCount() + " classes");
            }
        }
    }
}
