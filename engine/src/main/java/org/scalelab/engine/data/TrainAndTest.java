package org.scalelab.engine.data;

import java.util.Objects;

/** The two splits a reader returns; the catalog adds the {@link DatasetInfo} to make a {@link Dataset}. */
public record TrainAndTest(ImageSet train, ImageSet test) {

    public TrainAndTest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
