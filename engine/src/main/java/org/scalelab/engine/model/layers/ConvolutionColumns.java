package org.scalelab.engine.model.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.kernels.ConvolutionGeometry;
import org.scalelab.engine.model.kernels.IntraOpThreads;

/**
 * The im2col matrix of a convolution's NHWC input, transposed: one row per patch value {@code (kh, kw, channel)},
 * holding what that value is at every output position {@code (n, oh, ow)}, zero where the patch hangs over the
 * border, and a last row of 1s for the bias. With the weights and bias as {@code [out, kH·kW·in + 1]}, the weight
 * and bias gradients are then one matrix product, {@code [dW | db]ᵀ = columns·dy}.
 *
 * <p>The first convolution of a network needs only those gradients, but {@code conv2d_bp} always computes the input
 * gradient too, and for 1–3 input channels oneDNN pads them to 16 and runs a slow kernel: 4–6 ms of a 64-image step
 * for cnn-1m, 6 ms plus 4.5 ms of reorders for LeNet-5. Rows along the output positions are built from whole output
 * rows: each sample is first spread into one zero-bordered plane per channel, and at stride 1 a row's values for
 * one output row are then one copy of {@code oW} values. Patch-major rows (one 27-value row per position, for
 * cnn-1m) took three copies of 9 values per position and twice as long (docs/PERFORMANCE.md). Values are moved as
 * raw bytes, so one code path serves FLOAT and DOUBLE.
 */
final class ConvolutionColumns {
    private final int height;
    private final int width;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private final int kernel;
    private final int stride;
    private final int padTop;
    private final int padLeft;
    /** The planes' size: the input with its border, as far as the windows reach. */
    private final int planeHeight;
    private final int planeWidth;
    /** Values in one patch; the matrix has one more row, the bias's 1s. */
    private final int patchLength;
    private INDArray matrix;
    /** Per intra-op thread: a sample spread into bordered planes, and one row's values for it. */
    private byte[][] planes = new byte[0][];
    private byte[][] row = new byte[0][];

    ConvolutionColumns(ConvolutionGeometry geometry) {
        this.height = geometry.input().height();
        this.width = geometry.input().width();
        this.channels = geometry.input().channels();
        this.outHeight = geometry.output().height();
        this.outWidth = geometry.output().width();
        this.kernel = geometry.kernel();
        this.stride = geometry.stride();
        this.padTop = geometry.padTop();
        this.padLeft = geometry.padLeft();
        this.planeHeight = geometry.borderedHeight();
        this.planeWidth = geometry.borderedWidth();
        this.patchLength = geometry.patchLength();
    }

    /**
     * The columns of the batch {@code x} as a {@code [kH·kW·in + 1, n·oH·oW]} matrix (a reused buffer), the samples
     * shared among the worker's {@link IntraOpThreads}.
     */
    INDArray of(INDArray x) {
        int batch = (int) x.size(0);
        int bytes = x.dataType().width();
        int positions = outHeight * outWidth;
        if (matrix == null || matrix.columns() != (long) batch * positions || matrix.dataType() != x.dataType()) {
            matrix = Nd4j.createUninitialized(x.dataType(), patchLength + 1, (long) batch * positions);
            matrix.getRow(patchLength).assign(1);
        }
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        int sampleBytes = height * width * channels * bytes;
        int planesBytes = channels * planeHeight * planeWidth * bytes;
        if (planes.length < threads.count() || planes[0].length != planesBytes) {
            planes = new byte[threads.count()][planesBytes];
            row = new byte[threads.count()][positions * bytes];
        }
        ByteBuffer source = x.data().asNio().order(ByteOrder.nativeOrder());
        ByteBuffer target = matrix.data().asNio();
        int sourceStart = (int) x.offset() * bytes;
        int targetStart = (int) matrix.offset() * bytes;
        long rowBytes = (long) batch * positions * bytes;
        threads.split(batch, (long) positions * (patchLength + 1), (lane, from, to) -> {
            ByteBuffer spread = ByteBuffer.wrap(planes[lane]).order(ByteOrder.nativeOrder());
            for (int n = from; n < to; n++) {
                spreadIntoPlanes(source, sourceStart + n * sampleBytes, spread, bytes);
                for (int value = 0; value < patchLength; value++) {
                    gatherRow(planes[lane], row[lane], value, bytes);
                    target.put((int) (targetStart + value * rowBytes + (long) n * positions * bytes), row[lane], 0,
                            positions * bytes);
                }
            }
        });
        return matrix;
    }

    /**
     * The NHWC sample at byte {@code start} of {@code source} to one plane per channel, inside a border that stays zero
     * (it is never written). A value moves as one int or long, whatever it holds.
     */
    private void spreadIntoPlanes(ByteBuffer source, int start, ByteBuffer planes, int bytes) {
        for (int c = 0; c < channels; c++) {
            for (int h = 0; h < height; h++) {
                int into = ((c * planeHeight + h + padTop) * planeWidth + padLeft) * bytes;
                int from = start + (h * width * channels + c) * bytes;
                int step = channels * bytes;
                for (int w = 0; w < width; w++) {
                    if (bytes == Integer.BYTES) {
                        planes.putInt(into + w * bytes, source.getInt(from + w * step));
                    } else {
                        planes.putLong(into + w * bytes, source.getLong(from + w * step));
                    }
                }
            }
        }
    }

    /** The values that patch value {@code (kh, kw, c)} takes at each output position of the sample. */
    private void gatherRow(byte[] planes, byte[] row, int value, int bytes) {
        int c = value % channels;
        int kw = value / channels % kernel;
        int kh = value / channels / kernel;
        for (int oh = 0; oh < outHeight; oh++) {
            int from = ((c * planeHeight + oh * stride + kh) * planeWidth + kw) * bytes;
            int into = oh * outWidth * bytes;
            if (stride == 1) {
                System.arraycopy(planes, from, row, into, outWidth * bytes);
                continue;
            }
            for (int ow = 0; ow < outWidth; ow++) {
                System.arraycopy(planes, from + ow * stride * bytes, row, into + ow * bytes, bytes);
            }
        }
    }
}
