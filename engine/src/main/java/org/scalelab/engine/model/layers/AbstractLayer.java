package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;

/** What every layer has: its kind, its shapes, and reusable buffers for its output and its input gradient. */
abstract class AbstractLayer implements Layer {
    private final String kind;
    protected final SampleShape input;
    protected final SampleShape output;
    private final BatchBuffers outputs;
    private final BatchBuffers inputGradients;

    AbstractLayer(String kind, SampleShape input, SampleShape output) {
        this.kind = kind;
        this.input = input;
        this.output = output;
        this.outputs = new BatchBuffers(output);
        this.inputGradients = new BatchBuffers(input);
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final SampleShape inputShape() {
        return input;
    }

    @Override
    public final SampleShape outputShape() {
        return output;
    }

    /** The output buffer for a batch the size and type of {@code batch} (reallocated only when those change). */
    protected final INDArray outputBuffer(INDArray batch) {
        return outputs.get(batch.size(0), batch.dataType());
    }

    /** The input-gradient buffer for a batch the size and type of {@code batch}. */
    protected final INDArray inputGradientBuffer(INDArray batch) {
        return inputGradients.get(batch.size(0), batch.dataType());
    }
}
