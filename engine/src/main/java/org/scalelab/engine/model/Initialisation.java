package org.scalelab.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weight initialisation schemes, written {@code "he"} and {@code "xavier"} in architecture files. Values are
 * drawn from a seeded {@link Random} so runs are reproducible.
 */
public enum Initialisation {
    /** He (Kaiming) normal, std = sqrt(2 / fanIn): keeps activation variance through ReLU layers. */
    @JsonProperty("he") HE,
    /** Xavier (Glorot) normal, std = sqrt(2 / (fanIn + fanOut)): for layers not followed by ReLU. */
    @JsonProperty("xavier") XAVIER;

    /** Fills {@code weights} (any shape) with normal values for the given fans. */
    public void fill(INDArray weights, int fanIn, int fanOut, Random random) {
        double std = this == HE ? Math.sqrt(2.0 / fanIn) : Math.sqrt(2.0 / (fanIn + fanOut));
        double[] values = new double[(int) weights.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * std;
        }
        weights.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(values).castTo(weights.dataType())
                .reshape(weights.shape()));
    }
}
