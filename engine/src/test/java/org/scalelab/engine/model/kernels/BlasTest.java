package org.scalelab.engine.model.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BlasTest {

    /** A {@code rows × columns} matrix viewed inside a larger flat buffer, as layers see their weights. */
    private static INDArray viewMatrix(DataType type, int rows, int columns, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray flat = Nd4j.rand(type, 7 + rows * columns + 5);
        return flat.get(NDArrayIndex.interval(7, 7 + rows * columns)).reshape('c', rows, columns);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        double error = expected.distance2(actual) / expected.norm2Number().doubleValue();
        assertTrue(error < tolerance, "relative error " + error);
    }

    /** Sizes below and above the point where FLOAT products move from OpenBLAS to oneDNN. */
    @ParameterizedTest(name = "{0} {1}×{2}·{2}×{3}, transposed {4}/{5}")
    @CsvSource({
        "DOUBLE, 5, 7, 3, false, false", "DOUBLE, 5, 7, 3, true, false", "DOUBLE, 5, 7, 3, false, true",
        "FLOAT, 5, 7, 3, true, true", "FLOAT, 64, 300, 256, false, false", "FLOAT, 300, 64, 256, true, false",
        "FLOAT, 64, 256, 300, false, true",
    })
    void gemmMatchesNd4jOnViews(DataType type, int m, int k, int n, boolean transposeA, boolean transposeB) {
        INDArray a = transposeA ? viewMatrix(type, k, m, 1) : viewMatrix(type, m, k, 1);
        INDArray b = transposeB ? viewMatrix(type, n, k, 2) : viewMatrix(type, k, n, 2);
        INDArray c = viewMatrix(type, m, n, 3);
        INDArray expected = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b).muli(0.5).addi(c.mul(2));

        Blas.gemm(a, transposeA, b, transposeB, c, 0.5, 2);

        assertClose(expected, c, type == DataType.FLOAT ? 1e-5 : 1e-12);
    }

    @Test
    void gemvTransposedSumsColumns() {
        INDArray a = viewMatrix(DataType.DOUBLE, 4, 3, 4);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 4);
        INDArray sums = Nd4j.create(DataType.DOUBLE, 3);
        Blas.gemv(a, true, ones, sums, 1, 0);
        assertClose(a.sum(0), sums, 1e-12);
    }

    @Test
    void axpyIsAnSgdStep() {
        INDArray parameters = Nd4j.createFromArray(1f, 2f, 3f);
        Blas.axpy(-0.5, Nd4j.createFromArray(2f, 2f, -4f), parameters);
        assertEquals(Nd4j.createFromArray(0f, 1f, 5f), parameters);
    }

    @Test
    void mismatchedShapesAndTypesAreRejected() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, false, a, false, Nd4j.create(DataType.FLOAT, 2, 3), 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(a, false, Nd4j.create(DataType.DOUBLE, 3, 2), false, Nd4j.create(DataType.FLOAT, 2, 2), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Blas.axpy(1, a, Nd4j.create(DataType.FLOAT, 5)));
    }
}
