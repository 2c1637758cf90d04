package org.scalelab.engine.model;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.model.layers.ActivationLayout;
import org.scalelab.engine.model.layers.InputLayout;

/**
 * A feed-forward network built from an {@link Architecture}. All parameters live in one flat buffer and all
 * gradients in another; each layer sees views into them. One network is one worker's replica: it holds
 * its own activations, so workers never share a network.
 */
public final class Network {
    private final Architecture architecture;
    private final long seed;
    private final List<Layer> layers;
    private final InputLayout inputLayout;
    private final INDArray parameters;
    private final INDArray gradients;
    /** Layers before this one have no parameters, so back-propagation stops here. */
    private final int firstLayerWithParameters;

    /**
     * @param type FLOAT for training; DOUBLE for gradient checks
     * @param seed initial weights depend on this alone, so replicas built with one seed start identical
     */
    public Network(Architecture architecture, DataType type, long seed) {
        this(architecture, seed, null, type, null);
    }

    /**
     * A FLOAT network whose gradients live in {@code gradients}, a vector of zeros of its parameter count: memory where
     * an allreduce sums them cheaper (shared with other processes).
     */
    public Network(Architecture architecture, long seed, INDArray gradients) {
        this(architecture, seed, null, DataType.FLOAT, gradients);
    }

    /**
     * @param shared    the parameters to read and train, or null for parameters of its own, initialised from the seed
     * @param givenGradients where the gradients live, or null for a buffer of their own
     */
    private Network(Architecture architecture, long seed, INDArray shared, DataType type, INDArray givenGradients) {
        this.architecture = architecture;
        this.seed = seed;
        this.layers = architecture.buildLayers(seed);
        this.inputLayout = new InputLayout(architecture.input());
        long count = layers.stream().mapToLong(Layer::parameterCount).sum();
        this.parameters = shared != null ? shared : Nd4j.zeros(type, count);
        if (givenGradients != null && (givenGradients.length() != count || givenGradients.dataType() != type)) {
            throw new IllegalArgumentException("the network needs " + count + " " + type + " gradients, got "
                    + givenGradients.length() + " " + givenGradients.dataType());
        }
        this.gradients = givenGradients != null ? givenGradients : Nd4j.zeros(type, count);
        this.firstLayerWithParameters = firstLayerWithParameters(layers);
        Random random = new Random(seed);
        long offset = 0;
        for (Layer layer : layers) {
            int size = layer.parameterCount();
            if (size > 0) {
                var range = NDArrayIndex.interval(offset, offset + size);
                layer.bind(parameters.get(range), gradients.get(range));
                if (shared == null) {
                    layer.initialise(random);
                }
                offset += size;
            }
        }
    }

    /**
     * Another instance of this network's layers over the same parameters and running statistics, with gradients
     * and activations of its own. A layer keeps only its last forward pass for its backward pass, so a pipeline
     * stage holds one such instance per microbatch it has in flight; every microbatch's batch statistics fold into
     * the one running average that evaluation uses, in the order the microbatches go forward.
     */
    public Network sharingParameters() {
        Network instance = new Network(architecture, seed, parameters, parameters.dataType(), null);
        for (int i = 0; i < layers.size(); i++) {
            instance.layers.get(i).shareRunningStatistics(layers.get(i));
        }
        return instance;
    }

    public Architecture architecture() {
        return architecture;
    }

    public List<Layer> layers() {
        return layers;
    }

    public SampleShape inputShape() {
        return architecture.input();
    }

    public int outputCount() {
        return layers.get(layers.size() - 1).outputShape().size();
    }

    public long parameterCount() {
        return parameters.length();
    }

    /** The flat parameter buffer; layers read their weights through views of it. */
    public INDArray parameters() {
        return parameters;
    }

    /** The flat gradient buffer, overwritten by every {@link #backward}. */
    public INDArray gradients() {
        return gradients;
    }

    /**
     * Logits {@code [n, outputs]} for a batch {@code [n, c, h, w]} (a reused buffer). Between layers, images
     * travel as NHWC (see {@link ActivationLayout}); the input is converted here.
     *
     * <p>With more than one intra-op thread ({@link IntraOpThreads}), each layer's native operations get all of them
     * or one, by its matrix work, and what follows the layers (the loss after the forward pass, the update after the
     * backward pass) by the size of its arrays.
     */
    public INDArray forward(INDArray input, boolean training) {
        return forward(input, training, LayerClock.NONE);
    }

    /** {@link #forward(INDArray, boolean)}, telling {@code clock} as each layer finishes. */
    public INDArray forward(INDArray input, boolean training, LayerClock clock) {
        INDArray activation = inputLayout.toActivations(input);
        clock.finished(LayerClock.INPUT_LAYOUT, false);
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        for (int i = 0; i < layers.size(); i++) {
            threads.nativeThreadsFor(layers.get(i).multiplyAddsPerImage() * input.size(0));
            activation = layers.get(i).forward(activation, training);
            clock.finished(i, false);
        }
        threads.nativeThreadsForValues(activation.length());  // for the loss over the logits
        return activation;
    }

    /**
     * Back-propagates dLoss/dLogits down to the first layer with parameters, overwriting {@link #gradients()}.
     * That layer is told its input gradient is not needed: nothing below it would use it (for an MLP behind a
     * flatten layer this skips the largest product of the whole step).
     */
    public void backward(INDArray gradLogits) {
        backward(gradLogits, LayerClock.NONE);
    }

    /** {@link #backward(INDArray)}, telling {@code clock} as each layer finishes. */
    public void backward(INDArray gradLogits, LayerClock clock) {
        INDArray gradient = gradLogits;
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        for (int i = layers.size() - 1; i >= firstLayerWithParameters; i--) {
            threads.nativeThreadsFor(layers.get(i).multiplyAddsPerImage() * gradLogits.size(0));
            gradient = layers.get(i).backward(gradient, i > firstLayerWithParameters);
            clock.finished(i, true);
        }
        threads.nativeThreadsForValues(parameters.length());  // for the update of every parameter
    }

    /**
     * Layers {@code [from, to)} forward, as a pipeline stage runs its part: {@code input} is the network's input
     * batch when {@code from} is 0, otherwise the activation layer {@code from - 1} put out (NHWC for images).
     */
    public INDArray forward(int from, int to, INDArray input, boolean training) {
        INDArray activation = from == 0 ? inputLayout.toActivations(input) : input;
        for (int i = from; i < to; i++) {
            activation = layers.get(i).forward(activation, training);
        }
        return activation;
    }

    /**
     * Back-propagates through layers {@code [from, to)}, given the gradient of layer {@code to - 1}'s output,
     * overwriting their gradients (in {@link #gradients()}).
     *
     * @return the gradient of layer {@code from}'s input, or null where {@link #backwardReaches} says no layer below
     *         needs it
     */
    public INDArray backward(int from, int to, INDArray gradOutput) {
        INDArray gradient = gradOutput;
        for (int i = to - 1; i >= Math.max(from, firstLayerWithParameters); i--) {
            gradient = layers.get(i).backward(gradient, i > firstLayerWithParameters);
        }
        return backwardReaches(from) ? gradient : null;
    }

    /** Whether back-propagation goes on below {@code layer}: some layer before it has parameters. */
    public boolean backwardReaches(int layer) {
        return layer > firstLayerWithParameters;
    }

    /** Where layer {@code layer}'s parameters start in the flat buffers (their end, for {@code layers().size()}). */
    public long parameterOffset(int layer) {
        return layers.subList(0, layer).stream().mapToLong(Layer::parameterCount).sum();
    }

    private static int firstLayerWithParameters(List<Layer> layers) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).parameterCount() > 0) {
                return i;
            }
        }
        return layers.size();
    }
}
