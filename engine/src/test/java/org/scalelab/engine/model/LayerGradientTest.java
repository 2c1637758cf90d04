package org.scalelab.engine.model;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.model.spec.BatchNormSpec;
import org.scalelab.engine.model.spec.Conv2DSpec;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.DropoutSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.model.spec.LayerSpec;
import org.scalelab.engine.model.spec.MaxPoolSpec;
import org.scalelab.engine.model.spec.ReluSpec;

/**
 * Finite-difference checks of every layer type. Image layers sit between a convolution and a dense layer, so
 * their input gradient is checked too (through the convolution's weights).
 */
class LayerGradientTest {

    @Test
    void denseReluFlattenStack() {
        Architecture mlp = new Architecture("tiny-mlp", SampleShape.image(1, 4, 4), List.of(
                new FlattenSpec(), new DenseSpec(7), new ReluSpec(), new DenseSpec(5), new ReluSpec(), new DenseSpec(3)));
        GradientChecker.check(mlp, 6, 100, 42);
    }

    @Test
    void conv2dWithSamePadding() {
        checkImageLayer(new Conv2DSpec(3, 3, Padding.SAME), SampleShape.image(2, 5, 5));
    }

    @Test
    void conv2dWithValidPadding() {
        checkImageLayer(new Conv2DSpec(3, 3, Padding.VALID), SampleShape.image(2, 6, 5));
    }

    @Test
    void conv2dWithStrideTwoAndSamePaddingOnOddInput() {
        checkImageLayer(new Conv2DSpec(3, 3, 2, Padding.SAME, null), SampleShape.image(2, 7, 7));
    }

    @Test
    void conv2dWithStrideTwoAndValidPadding() {
        checkImageLayer(new Conv2DSpec(2, 3, 2, Padding.VALID, null), SampleShape.image(2, 8, 7));
    }

    @Test
    void maxPool() {
        checkImageLayer(new MaxPoolSpec(2), SampleShape.image(2, 6, 6));
    }

    @Test
    void maxPoolDropsTheOddRowAndColumn() {
        checkImageLayer(new MaxPoolSpec(2), SampleShape.image(2, 7, 5));
    }

    @Test
    void overlappingMaxPool() {
        checkImageLayer(new MaxPoolSpec(3, 2), SampleShape.image(2, 7, 7));
    }

    @Test
    void batchNormPerChannelOnImages() {
        checkImageLayer(new BatchNormSpec(), SampleShape.image(2, 4, 4));
    }

    @Test
    void batchNormPerFeatureOnVectors() {
        Architecture architecture = new Architecture("batchnorm-dense", SampleShape.image(1, 3, 3), List.of(
                new FlattenSpec(), new DenseSpec(6), new BatchNormSpec(), new ReluSpec(), new DenseSpec(3)));
        GradientChecker.check(architecture, 5, 100, 11);
    }

    @Test
    void dropoutWithFixedMask() {
        Architecture architecture = new Architecture("dropout", SampleShape.image(1, 3, 3), List.of(
                new FlattenSpec(), new DenseSpec(8), new DropoutSpec(0.5), new DenseSpec(3)));
        GradientChecker.check(architecture, 4, 100, 5);
    }

    private static void checkImageLayer(LayerSpec layerUnderTest, SampleShape input) {
        Architecture architecture = new Architecture("check-" + layerUnderTest, input, List.of(
                new Conv2DSpec(2, 3, Padding.SAME), new ReluSpec(),
                layerUnderTest,
                new FlattenSpec(), new DenseSpec(4)));
        GradientChecker.check(architecture, 3, 100, 7);
    }
}
