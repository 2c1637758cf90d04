package org.scalelab.engine.model.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Memory-layout checks for code that reads arrays as flat runs of FLOAT or DOUBLE values, as the kernels do. */
public final class Layouts {
    private Layouts() {
    }

    /** Both arrays FLOAT or both DOUBLE, of equal length, and contiguous row-major. */
    static void checkCompatible(INDArray a, INDArray b) {
        DataType type = a.dataType();
        if (a.length() != b.length() || b.dataType() != type || type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("kernel needs FLOAT or DOUBLE arrays of one type and length, got "
                    + a.length() + " " + type + " and " + b.length() + " " + b.dataType());
        }
        if (!rowMajorContiguous(a) || !rowMajorContiguous(b)) {
            throw new IllegalArgumentException("kernel needs contiguous row-major arrays");
        }
    }

    /**
     * Whether the elements lie without gaps in row-major order, so that two such arrays list them in the same
     * order (a transposed view is contiguous too, but in another order).
     */
    public static boolean rowMajorContiguous(INDArray array) {
        long expectedStride = 1;
        for (int axis = array.rank() - 1; axis >= 0; axis--) {
            if (array.size(axis) != 1 && array.stride(axis) != expectedStride) {
                return false;
            }
            expectedStride *= array.size(axis);
        }
        return true;
    }
}
