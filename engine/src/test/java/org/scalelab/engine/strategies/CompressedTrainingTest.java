package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.training.CompressionDistance;
import org.scalelab.engine.training.StrategyEquivalence;

/** Workers in this JVM exchanging compressed gradients: what they train, set against exact sums. */
class CompressedTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    private static TrainingConfig threads(String compress) {
        return twentySteps("mlp-235k").with(STRATEGY, Strategy.THREADS).with(THREADS, 2)
                .with(COMPRESS, GradientCompression.parse(compress));
    }

    @Test
    void noCompressionTrainsExactlyAsBefore() throws IOException {
        float[] before = runs.weights(twentySteps("mlp-235k").with(STRATEGY, Strategy.THREADS).with(THREADS, 2));
        assertArrayEquals(before, runs.weights(threads("none")));
        assertArrayEquals(before, runs.weights(threads("none").with(ERROR_FEEDBACK, false)),
                "error feedback has nothing to keep without compression");
    }

    /**
     * Half precision rounds each gradient entry by at most 2⁻¹¹ ≈ 4.9·10⁻⁴ of itself, and error feedback applies
     * what the rounding left out one step later, so the weights trail the exact ones by about one step's rounding
     * of one update (lr × 2⁻¹¹ × the update), far below 10⁻⁴ of the largest weight; 1.5·10⁻⁵ was measured after 20
     * steps. int8 lands near 3·10⁻² and top-k 1 % near 0.4, so a codec mixed up fails this.
     */
    @Test
    void halfPrecisionStaysWithinATenThousandthOfTheSerialWeights() throws IOException {
        float[] serial = runs.weights(twentySteps("mlp-235k"));
        double distance = CompressionDistance.relative(serial, runs.weights(threads("fp16")));
        assertTrue(distance > 0 && distance < CompressionDistance.HALF_PRECISION_TOLERANCE,
                "fp16's weights are " + distance + " of the largest weight away from serial's");
    }
}
