package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network run stage by stage, as pipeline ranks run it, computes what it computes whole: layers {@code [from, to)}
 * forward and back, the activations and their gradients handed from one range to the next.
 */
class NetworkStagesTest {

    @Test
    void stagesHandingOnActivationsAndGradientsComputeTheWholeNetworksLogitsAndGradients() {
        for (String preset : List.of("mlp-235k", "lenet5")) {
            Architecture architecture = Presets.find(preset).orElseThrow();
            Network whole = new Network(architecture, DataType.FLOAT, 5);
            Network staged = new Network(architecture, DataType.FLOAT, 5);
            RandomBatch batch = RandomBatch.of(whole, DataType.FLOAT, 6, 2);
            SoftmaxCrossEntropy wholeLoss = new SoftmaxCrossEntropy(whole.outputCount());
            SoftmaxCrossEntropy stagedLoss = new SoftmaxCrossEntropy(whole.outputCount());
            batch.forwardBackward(whole, wholeLoss);

            StagePartition cut = StagePartition.balanced(staged.layers(), 3);
            INDArray activation = batch.input();
            for (int k = 0; k < cut.stages(); k++) {
                activation = staged.forward(cut.from(k), cut.to(k), activation, true).dup();
            }
            stagedLoss.evaluateWithGradient(activation, batch.labels(), 1.0 / batch.labels().length);
            INDArray gradient = stagedLoss.gradient();
            for (int k = cut.stages() - 1; k >= 0; k--) {
                gradient = staged.backward(cut.from(k), cut.to(k), gradient);
                if (gradient != null) {
                    gradient = gradient.dup();
                }
            }
            assertNull(gradient, preset + ": no gradient below the first layer with parameters");
            assertEquals(whole.gradients(), staged.gradients(), preset + ": the same gradients, stage by stage");
        }
    }

    @Test
    void instancesSharingParametersKeepGradientsOfTheirOwn() {
        Network first = new Network(Presets.find("mlp-235k").orElseThrow(), DataType.FLOAT, 5);
        Network second = first.sharingParameters();
        RandomBatch batch = RandomBatch.of(first, DataType.FLOAT, 4, 1);
        first.parameters().muli(1.5); // trained, as it were: the second instance computes with the same weights
        assertEquals(first.forward(batch.input(), false).dup(), second.forward(batch.input(), false).dup());
        batch.forwardBackward(first, new SoftmaxCrossEntropy(10));
        RandomBatch.of(first, DataType.FLOAT, 4, 2).forwardBackward(second, new SoftmaxCrossEntropy(10));
        assertTrue(!first.gradients().equals(second.gradients()), "each instance its own gradients");
        assertEquals(200_960, first.parameterOffset(2), "after flatten and the first dense layer");
        assertTrue(first.backwardReaches(2) && !first.backwardReaches(1));
    }
}
