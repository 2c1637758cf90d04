package org.scalelab.engine.model.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A reshaped view of a contiguous array, rebuilt only when the array or the wanted shape changes. */
final class ReshapedView {
    private INDArray source;
    private INDArray view;

    INDArray of(INDArray array, long[] shape) {
        if (array != source || !Arrays.equals(view.shape(), shape)) {
            view = array.reshape('c', shape);
            source = array;
        }
        return view;
    }
}
