package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;

/**
 * Brings input batches from the datasets' NCHW layout into the network's {@link ActivationLayout}. With one
 * channel both layouts have the same memory order and the input is only viewed differently; otherwise it is
 * transposed into a reused buffer (≈0.2 M values for a CIFAR batch of 64).
 */
public final class InputLayout {
    private final SampleShape shape;
    private final BatchBuffers converted;
    private final ReshapedView view = new ReshapedView();

    public InputLayout(SampleShape shape) {
        this.shape = shape;
        this.converted = new BatchBuffers(shape);
    }

    /** The batch {@code [n, c, h, w]} as the first layer expects it; a view or a reused buffer. */
    public INDArray toActivations(INDArray nchw) {
        long batchSize = nchw.size(0);
        if (!shape.image() || shape.channels() == 1) {
            return view.of(nchw, ActivationLayout.batchShape(shape, batchSize));
        }
        return converted.get(batchSize, nchw.dataType()).assign(nchw.permute(0, 2, 3, 1));
    }
}
