package org.scalelab.engine.model.kernels;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products for mini-batch sized matrices, bypassing {@code Nd4j.gemm}, whose per-call overhead
 * (≈30–45 µs) dwarfs the arithmetic of a small layer. Small products call the OpenBLAS library ND4J itself links
 * (a few microseconds on top of the flops); large FLOAT products go to oneDNN through ND4J's {@code matmul} op,
 * whose AVX-512 kernel reaches 120–170 GFLOP/s where OpenBLAS gets 75–135 for a 64×784×256 product (2026-12-08,
 * AMD EPYC with AVX-512), enough to repay the op's fixed cost of 20–40 µs.
 *
 * <p>Arrays must be FLOAT (training) or DOUBLE (gradient checks), all of one type, row-major with unit
 * column stride (any contiguous buffer or a view into one). {@code addressPointer()} of a view already points
 * at the view's first element, so no offset is added.
 */
public final class Blas {
    /** Products of at least this many multiply-adds go to oneDNN (measured break-even: ≈2–3 M). */
    private static final long ONEDNN_MIN_MULTIPLY_ADDS = 4_000_000;

    private Blas() {
    }

    /** {@code c = alpha·op(a)·op(b) + beta·c}, where {@code op} transposes when asked. */
    public static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                            double alpha, double beta) {
        int m = rows(a, transposeA);
        int k = columns(a, transposeA);
        int n = columns(b, transposeB);
        if (rows(b, transposeB) != k || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("gemm shapes do not fit: " + shape(a, transposeA) + " · "
                    + shape(b, transposeB) + " → " + c.rows() + "×" + c.columns());
        }
        DataType type = sameType(a, b, c);
        if (type == DataType.FLOAT && (long) m * n * k >= ONEDNN_MIN_MULTIPLY_ADDS) {
            Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(c)
                    .addIntegerArguments(transposeA ? 1 : 0, transposeB ? 1 : 0)
                    .addFloatingPointArguments(alpha, beta).build());
            return;
        }
        int opA = transposeA ? CblasTrans : CblasNoTrans;
        int opB = transposeB ? CblasTrans : CblasNoTrans;
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, opA, opB, m, n, k, (float) alpha, floats(a), leading(a),
                    floats(b), leading(b), (float) beta, floats(c), leading(c));
        } else {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, opA, opB, m, n, k, alpha, doubles(a), leading(a),
                    doubles(b), leading(b), beta, doubles(c), leading(c));
        }
    }

    /** {@code y = alpha·op(a)·x + beta·y} for vectors {@code x} and {@code y} (any shape, contiguous). */
    public static void gemv(INDArray a, boolean transposeA, INDArray x, INDArray y, double alpha, double beta) {
        if (columns(a, transposeA) != x.length() || rows(a, transposeA) != y.length()) {
            throw new IllegalArgumentException("gemv shapes do not fit: " + shape(a, transposeA) + " · "
                    + x.length() + " → " + y.length());
        }
        int op = transposeA ? CblasTrans : CblasNoTrans;
        if (sameType(a, x, y) == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemv(CblasRowMajor, op, a.rows(), a.columns(), (float) alpha, floats(a),
                    leading(a), floats(x), 1, (float) beta, floats(y), 1);
        } else {
            openblas_nolapack.cblas_dgemv(CblasRowMajor, op, a.rows(), a.columns(), alpha, doubles(a),
                    leading(a), doubles(x), 1, beta, doubles(y), 1);
        }
    }

    /** {@code y += alpha·x} over two contiguous arrays of equal length (an SGD step: alpha = −learning rate). */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        if (x.length() != y.length()) {
            throw new IllegalArgumentException("axpy lengths differ: " + x.length() + " vs " + y.length());
        }
        if (sameType(x, x, y) == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy((int) x.length(), (float) alpha, floats(x), 1, floats(y), 1);
        } else {
            openblas_nolapack.cblas_daxpy((int) x.length(), alpha, doubles(x), 1, doubles(y), 1);
        }
    }

    private static int rows(INDArray matrix, boolean transposed) {
        return transposed ? matrix.columns() : matrix.rows();
    }

    private static int columns(INDArray matrix, boolean transposed) {
        return transposed ? matrix.rows() : matrix.columns();
    }

    private static String shape(INDArray matrix, boolean transposed) {
        return rows(matrix, transposed) + "×" + columns(matrix, transposed);
    }

    /** Row stride of a row-major matrix; the column stride must be 1 for BLAS. */
    private static int leading(INDArray matrix) {
        if (matrix.rank() != 2 || (matrix.stride(1) != 1 && matrix.columns() > 1)) {
            throw new IllegalArgumentException("BLAS needs a row-major matrix, got shape "
                    + Arrays.toString(matrix.shape()) + " strides " + Arrays.toString(matrix.stride()));
        }
        return Math.max(matrix.stride(0), matrix.columns());
    }

    private static DataType sameType(INDArray a, INDArray b, INDArray c) {
        DataType type = c.dataType();
        if (a.dataType() != type || b.dataType() != type || type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("BLAS needs FLOAT or DOUBLE arrays of one type, got "
                    + a.dataType() + ", " + b.dataType() + ", " + type);
        }
        return type;
    }

    private static FloatPointer floats(INDArray array) {
        return (FloatPointer) array.data().addressPointer();
    }

    private static DoublePointer doubles(INDArray array) {
        return (DoublePointer) array.data().addressPointer();
    }
}
