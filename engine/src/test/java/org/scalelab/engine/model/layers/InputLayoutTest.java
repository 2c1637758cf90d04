package org.scalelab.engine.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.SampleShape;

class InputLayoutTest {

    /** Every value at its NHWC place, from a batch that is a view at an offset into a larger one. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void imagesArriveTransposedToNhwc(DataType type) {
        SampleShape shape = SampleShape.image(3, 5, 4);
        INDArray larger = Nd4j.randn(type, 6, 3, 5, 4);
        INDArray nchw = larger.get(NDArrayIndex.interval(2, 5));

        INDArray nhwc = new InputLayout(shape).toActivations(nchw);

        assertEquals(nchw.permute(0, 2, 3, 1).dup('c'), nhwc);
    }
}
