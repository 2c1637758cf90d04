package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.kernels.BufferChunks;

/**
 * An update rule's step as one pass over the parameters, the rule's state and the gradients together
 * ({@link BufferChunks}): the rule's loop sees chunk 0 the parameters, chunks 1.. its state in the order given here, and
 * the last chunk the gradients; everything but the gradients is written back.
 */
final class OnePassStep {
    private final INDArray[] walked;
    private final BufferChunks chunks;

    /** @param state the rule's buffers, each as long as the parameters */
    OnePassStep(INDArray... state) {
        this.walked = new INDArray[state.length + 2];
        System.arraycopy(state, 0, walked, 1, state.length);
        this.chunks = new BufferChunks(walked.length);
    }

    void apply(INDArray parameters, INDArray gradients, BufferChunks.Rule rule) {
        walked[0] = parameters;
        walked[walked.length - 1] = gradients;
        chunks.update(walked, walked.length - 1, rule);
    }
}
