package org.scalelab.engine.model;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.model.spec.ReluSpec;

class DenseGradientTest {

    @Test
    void denseReluStackMatchesFiniteDifferences() {
        Architecture mlp = new Architecture("tiny-mlp", SampleShape.image(1, 4, 4), List.of(
                new FlattenSpec(), new DenseSpec(7), new ReluSpec(), new DenseSpec(5), new ReluSpec(), new DenseSpec(3)));
        GradientChecker.check(mlp, 6, 500, 42);
    }
}
