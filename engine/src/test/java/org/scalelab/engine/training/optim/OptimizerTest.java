package org.scalelab.engine.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.scalelab.engine.config.TrainingOptions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.TrainingConfig;

/** Every expected value below is worked out by hand from the update rules, not by running the code. */
class OptimizerTest {
    private static final double TOLERANCE = 1e-6;

    private static INDArray floats(double... values) {
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT);
    }

    private static void assertValues(INDArray actual, double... expected) {
        assertArrayEquals(expected, actual.toDoubleVector(), TOLERANCE);
    }

    @Test
    void sgdSubtractsLearningRateTimesGradient() {
        INDArray p = floats(1.0, -2.0);
        new Sgd().step(p, floats(0.5, -1.0), 0.1);
        assertValues(p, 0.95, -1.9);
    }

    @Test
    void momentumAccumulatesVelocityAcrossSteps() {
        INDArray p = floats(1.0);
        MomentumSgd optimizer = new MomentumSgd(0.9, p);
        optimizer.step(p, floats(1.0), 0.1);  // v = 1            p = 1 - 0.1·1 = 0.9
        assertValues(p, 0.9);
        optimizer.step(p, floats(1.0), 0.1);  // v = 0.9·1 + 1 = 1.9   p = 0.9 - 0.19 = 0.71
        assertValues(p, 0.71);
        optimizer.step(p, floats(-2.0), 0.1); // v = 0.9·1.9 - 2 = -0.29   p = 0.71 + 0.029 = 0.739
        assertValues(p, 0.739);
    }

    @Test
    void adamMatchesTheBiasCorrectedFormula() {
        INDArray p = floats(1.0, 1.0);
        Adam adam = new Adam(0.9, 0.999, 1e-8, p);
        // step 1, g = (2, -0.5): m = 0.1g, v = 0.001g², m̂ = g, v̂ = g² → p -= 0.01·g/(|g| + 1e-8) = ±0.01
        adam.step(p, floats(2.0, -0.5), 0.01);
        assertValues(p, 0.99, 1.01);
        // step 2, g = (1, 0.5): m = 0.9·0.2 + 0.1·1 = 0.28 and 0.9·(-0.05) + 0.1·0.5 = 0.005;
        // v = 0.999·0.004 + 0.001·1 = 0.004996 and 0.999·0.00025 + 0.001·0.25 = 0.00049975;
        // m̂ = m/0.19, v̂ = v/0.001999 → step 0.01·m̂/(√v̂ + 1e-8)
        double step0 = 0.01 * (0.28 / 0.19) / (Math.sqrt(0.004996 / 0.001999) + 1e-8);
        double step1 = 0.01 * (0.005 / 0.19) / (Math.sqrt(0.00049975 / 0.001999) + 1e-8);
        adam.step(p, floats(1.0, 0.5), 0.01);
        assertValues(p, 0.99 - step0, 1.01 - step1);
    }

    /**
     * Over more elements than one chunk of the one-pass update, against the rules written as whole-array ND4J operations
     * (the way they were computed before): the same values to float rounding, in every chunk.
     */
    @Test
    void oneBufferPassMatchesTheRulesAsArrayOperationsAcrossChunks() {
        int length = 3_000;
        Nd4j.getRandom().setSeed(4);
        INDArray start = Nd4j.randn(DataType.FLOAT, length);
        INDArray[] gradients = {Nd4j.randn(DataType.FLOAT, length), Nd4j.randn(DataType.FLOAT, length).muli(0.01)};

        INDArray momentumParameters = start.dup();
        INDArray adamParameters = start.dup();
        MomentumSgd momentum = new MomentumSgd(0.9, start);
        Adam adam = new Adam(0.9, 0.999, 1e-8, start);
        INDArray velocity = Nd4j.zeros(DataType.FLOAT, length);
        INDArray expectedMomentum = start.dup();
        INDArray first = Nd4j.zeros(DataType.FLOAT, length);
        INDArray second = Nd4j.zeros(DataType.FLOAT, length);
        INDArray expectedAdam = start.dup();
        for (int step = 1; step <= 2; step++) {
            INDArray g = gradients[step - 1];
            momentum.step(momentumParameters, g.dup(), 0.1);
            velocity.muli(0.9).addi(g);
            expectedMomentum.subi(velocity.mul(0.1));

            adam.step(adamParameters, g.dup(), 0.01);
            first.muli(0.9).addi(g.mul(0.1));
            second.muli(0.999).addi(g.mul(g).muli(0.001));
            INDArray denominator = Transforms.sqrt(second, true)
                    .divi(Math.sqrt(1 - Math.pow(0.999, step))).addi(1e-8);
            expectedAdam.subi(first.div(denominator).muli(0.01 / (1 - Math.pow(0.9, step))));
        }
        assertArrayEquals(expectedMomentum.toDoubleVector(), momentumParameters.toDoubleVector(), 1e-5);
        assertArrayEquals(expectedAdam.toDoubleVector(), adamParameters.toDoubleVector(), 1e-5);
    }

    @Test
    void weightDecayAddsTheL2GradientBeforeTheRule() {
        INDArray p = floats(2.0);
        new WeightDecay(0.5, new Sgd()).step(p, floats(1.0), 0.1); // g = 1 + 0.5·2 = 2 → p = 2 - 0.2
        assertValues(p, 1.8);
    }

    @Test
    void configurationPicksTheRuleAndWrapsDecayOnlyWhenAsked() {
        INDArray p = floats(1.0);
        TrainingConfig momentum = TrainingConfig.defaults().with(OPTIMIZER, OptimizerKind.MOMENTUM);
        org.junit.jupiter.api.Assertions.assertInstanceOf(MomentumSgd.class, Optimizers.create(momentum, p));
        TrainingConfig decayed = momentum.with(WEIGHT_DECAY, 1e-4);
        org.junit.jupiter.api.Assertions.assertInstanceOf(WeightDecay.class, Optimizers.create(decayed, p));
        TrainingConfig adam = TrainingConfig.defaults().with(OPTIMIZER, OptimizerKind.ADAM);
        org.junit.jupiter.api.Assertions.assertInstanceOf(Adam.class, Optimizers.create(adam, p));
    }
}
