package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.model.spec.BatchNormSpec;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.model.spec.ReluSpec;

class NetworkTest {

    @Test
    void clockHearsEveryLayerForwardInOrderAndBackwardDownToTheFirstLayerWithWeights() {
        Architecture reluFirst = new Architecture("relu-first", SampleShape.image(1, 4, 4),
                List.of(new ReluSpec(), new FlattenSpec(), new DenseSpec(5), new ReluSpec(), new DenseSpec(3)));
        Network network = new Network(reluFirst, DataType.FLOAT, 1);
        RandomBatch batch = RandomBatch.of(network, DataType.FLOAT, 2, 1);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(3);
        List<String> heard = new ArrayList<>();
        LayerClock clock = (layer, backward) -> heard.add((backward ? "backward " : "forward ") + layer);

        loss.evaluateWithGradient(network.forward(batch.input(), true, clock), batch.labels(), 0.5);
        network.backward(loss.gradient(), clock);

        assertEquals(List.of("forward -1", "forward 0", "forward 1", "forward 2", "forward 3", "forward 4",
                "backward 4", "backward 3", "backward 2"), heard);
    }

    /** Gradients that live where the caller puts them (shared memory, for ranks of one machine) are the same gradients. */
    @Test
    void gradientsCanLiveInAnArrayTheCallerGives() {
        Architecture small = new Architecture("small", SampleShape.image(1, 4, 4),
                List.of(new FlattenSpec(), new DenseSpec(5), new ReluSpec(), new DenseSpec(3)));
        Network own = new Network(small, DataType.FLOAT, 3);
        INDArray given = Nd4j.zeros(DataType.FLOAT, own.parameterCount());
        Network inGiven = new Network(small, 3, given);
        RandomBatch batch = RandomBatch.of(own, DataType.FLOAT, 4, 5);

        batch.forwardBackward(own, new SoftmaxCrossEntropy(3));
        batch.forwardBackward(inGiven, new SoftmaxCrossEntropy(3));

        assertSame(given, inGiven.gradients());
        assertEquals(own.gradients(), given);
        assertNotEquals(0.0, given.norm2Number().doubleValue());
        assertThrows(IllegalArgumentException.class, () -> new Network(small, 3, Nd4j.zeros(DataType.FLOAT, 5)));
    }

    @Test
    void layersWorkingInPlaceNeverTouchTheCallersBatch() {
        Architecture reluFirst = new Architecture("relu-first", SampleShape.image(1, 4, 4),
                List.of(new ReluSpec(), new FlattenSpec(), new DenseSpec(3)));
        Network network = new Network(reluFirst, DataType.FLOAT, 1);
        RandomBatch batch = RandomBatch.of(network, DataType.FLOAT, 5, 2);
        INDArray original = batch.input().dup();

        batch.forwardBackward(network, new SoftmaxCrossEntropy(3));

        assertEquals(original, batch.input());
    }

    @Test
    void batchesThatAreViewsOrTransposedGiveTheSameLogits() {
        for (String preset : List.of("mlp-235k", "lenet5")) {
            Network network = new Network(Presets.find(preset).orElseThrow(), DataType.DOUBLE, 4);
            INDArray batch = RandomBatch.of(network, DataType.DOUBLE, 3, 4).input();
            INDArray expected = network.forward(batch, false).dup();

            INDArray larger = Nd4j.concat(0, batch, batch);
            INDArray view = larger.get(NDArrayIndex.interval(3, 6));
            INDArray fortranOrder = batch.dup('f');

            assertEquals(expected, network.forward(view, false), preset + " from a view at an offset");
            assertEquals(expected, network.forward(fortranOrder, false), preset + " from a column-major copy");
        }
    }

    @Test
    void repeatedPassesOverReusedBuffersGiveTheSameResult() {
        Network network = new Network(Presets.find("tinycnn-8").orElseThrow(), DataType.FLOAT, 3);
        RandomBatch batch = RandomBatch.of(network, DataType.FLOAT, 4, 3);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(10);

        double first = batch.forwardBackward(network, loss);
        INDArray gradients = network.gradients().dup();
        double second = batch.forwardBackward(network, loss);

        assertEquals(first, second, 0);
        assertEquals(gradients, network.gradients());
    }

    /**
     * A pipeline stage trains one instance per microbatch: the batch statistics of every microbatch must reach the
     * running averages evaluation reads, as if one network had seen the microbatches in turn.
     */
    @Test
    void instancesSharingParametersFoldTheirBatchesIntoOneRunningAverage() {
        Architecture normalised = new Architecture("normalised", SampleShape.image(2, 3, 3),
                List.of(new BatchNormSpec(null, null), new FlattenSpec(), new DenseSpec(4),
                        new BatchNormSpec(null, null), new DenseSpec(3)));
        Network stage = new Network(normalised, DataType.DOUBLE, 7);
        Network secondMicrobatch = stage.sharingParameters();
        Network inTurn = new Network(normalised, DataType.DOUBLE, 7);
        RandomBatch first = RandomBatch.of(stage, DataType.DOUBLE, 5, 1);
        RandomBatch second = RandomBatch.of(stage, DataType.DOUBLE, 5, 2);
        INDArray before = stage.forward(first.input(), false).dup();

        stage.forward(first.input(), true);
        secondMicrobatch.forward(second.input(), true);
        inTurn.forward(first.input(), true);
        inTurn.forward(second.input(), true);

        INDArray evaluated = stage.forward(first.input(), false).dup();
        assertNotEquals(before, evaluated, "the running statistics moved");
        assertEquals(inTurn.forward(first.input(), false), evaluated);
        assertEquals(evaluated, secondMicrobatch.forward(first.input(), false), "every instance evaluates alike");
    }

    /**
     * Intra-op threads share a batch: at 256 CIFAR images and three threads the input's transposition, the first
     * convolution's im2col, both poolings, both convolutions and the first dense layer are each cut into ranges. The
     * gradients are the one thread's (within ND4J's tolerance: the ranges' weight gradients of the second
     * convolution are added up in another order than oneDNN's).
     */
    @Test
    void intraOpThreadsChangeNoGradient() {
        Network network = new Network(Presets.find("cnn-1m").orElseThrow(), DataType.FLOAT, 3);
        RandomBatch batch = RandomBatch.of(network, DataType.FLOAT, 256, 5);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(network.outputCount());
        double oneThreadLoss = batch.forwardBackward(network, loss);
        INDArray oneThread = network.gradients().dup();

        IntraOpThreads.useOnThisThread(3);
        try {
            assertEquals(oneThreadLoss, batch.forwardBackward(network, loss));
        } finally {
            IntraOpThreads.useOnThisThread(1);
        }
        assertEquals(oneThread, network.gradients());
    }
}
