package org.scalelab.engine.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.kernels.Blas;

/**
 * The machine's practical peak for training's arithmetic: a large single-precision matrix product (sgemm) through
 * the path the layers' large products take ({@link Blas#gemm}: oneDNN), with the native threads this JVM was
 * started with. Every model's
 * rate is best read as a share of it: a step that reaches half of it spends half its time on anything but
 * arithmetic.
 */
public final class GemmPeak {
    /** Products timed after as many warm-up ones. */
    public static final int REPEATS = 10;

    /**
     * @param size         the matrices' side
     * @param medianMillis of one product
     * @param gflops       {@code 2·size³} operations over the median time
     */
    public record Result(int size, double medianMillis, double gflops) {
    }

    private GemmPeak() {
    }

    /** Times {@link #REPEATS} products of two {@code size × size} matrices into a third, allocated once. */
    public static Result measure(int size) {
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray c = Nd4j.create(DataType.FLOAT, size, size);
        double[] millis = new double[REPEATS];
        for (int i = -REPEATS; i < REPEATS; i++) {
            long start = System.nanoTime();
            Blas.gemm(a, false, b, false, c, 1.0, 0.0);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double median = Median.of(millis);
        return new Result(size, median, 2.0 * size * size * size / (median * 1e6));
    }
}
