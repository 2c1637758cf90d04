package org.scalelab.engine.model.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Channel counts that do and do not divide the chunk, one larger than it, and an odd number of rows, so the
 * last chunk is partial; arrays are views at an offset, as layers see them.
 */
class ChannelKernelsTest {
    private final ChannelKernels kernels = new ChannelKernels();

    private static INDArray matrix(DataType type, int rows, int channels, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray flat = Nd4j.randn(type, 5 + (long) rows * channels);
        return flat.get(NDArrayIndex.interval(5, 5 + (long) rows * channels)).reshape('c', rows, channels);
    }

    private static double[] coefficients(int channels, double base) {
        double[] values = new double[channels];
        for (int c = 0; c < channels; c++) {
            values[c] = base + 0.25 * c;
        }
        return values;
    }

    private static INDArray row(double[] values, DataType type) {
        return Nd4j.createFromArray(values).castTo(type).reshape(1, values.length);
    }

    @ParameterizedTest(name = "{0}, {1} rows × {2} channels")
    @CsvSource({"FLOAT, 333, 32", "DOUBLE, 333, 32", "FLOAT, 101, 7", "DOUBLE, 9, 5000", "FLOAT, 3, 5000"})
    void affineMapsEachChannel(DataType type, int rows, int channels) {
        INDArray u = matrix(type, rows, channels, 3);
        INDArray v = matrix(type, rows, channels, 4);
        double[] a = coefficients(channels, 0.5);
        double[] b = coefficients(channels, -3);
        double[] c = coefficients(channels, 1);
        INDArray expected = u.mulRowVector(row(a, type)).addi(v.mulRowVector(row(b, type))).addiRowVector(row(c, type));

        kernels.affine(u, a, v, b, c, u);

        assertClose(expected, u, type);
    }

    @ParameterizedTest(name = "{0}, {1} rows × {2} channels")
    @CsvSource({"FLOAT, 333, 32", "DOUBLE, 333, 32", "FLOAT, 101, 7", "DOUBLE, 9, 5000"})
    void centredProductSumsPerChannel(DataType type, int rows, int channels) {
        INDArray u = matrix(type, rows, channels, 5);
        INDArray v = matrix(type, rows, channels, 6);
        double[] uShift = coefficients(channels, 0.1);
        double[] vShift = coefficients(channels, -0.2);
        double[] sums = new double[channels];

        kernels.centredProductSums(u, uShift, v, vShift, sums);

        INDArray expected = u.subRowVector(row(uShift, type)).mul(v.subRowVector(row(vShift, type))).sum(0);
        for (int c = 0; c < channels; c++) {
            double tolerance = (type == DataType.FLOAT ? 1e-4 : 1e-10) * (rows + Math.abs(expected.getDouble(c)));
            assertEquals(expected.getDouble(c), sums[c], tolerance);
        }
    }

    @Test
    void tooFewCoefficientsAreRejected() {
        INDArray u = Nd4j.create(DataType.FLOAT, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> kernels.affine(u, new double[2], u, new double[3], new double[3], u));
    }

    private static void assertClose(INDArray expected, INDArray actual, DataType type) {
        double error = expected.distance2(actual) / expected.norm2Number().doubleValue();
        assertEquals(0, error, type == DataType.FLOAT ? 1e-6 : 1e-14);
    }
}
