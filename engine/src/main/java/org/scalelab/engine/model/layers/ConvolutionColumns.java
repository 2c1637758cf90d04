package org.scalelab.engine.model.layers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.IntraOpThreads;

/**
 * The im2col matrix of a convolution's NHWC input: one row per output position {@code (n, oh, ow)}, holding the
 * input patch it sees in {@code (kh, kw, channel)} order, zeros where the patch hangs over the border. With
 * the weights as {@code [out, kH, kW, in]}, the weight gradient is then one matrix product,
 * {@code dW = dyᵀ·columns}.
 *
 * <p>The first convolution of a network needs only that gradient, but {@code conv2d_bp} always computes the
 * input gradient too, and for 1–3 input channels oneDNN pads them to 16 and runs a slow kernel: 4–6 ms of a
 * 64-image step for cnn-1m, 6 ms plus 4.5 ms of reorders for LeNet-5. Building the columns costs about a
 * memory pass over them. Values are moved as raw bytes (a patch row is {@code kernel·channels} contiguous values
 * in NHWC), so one code path serves FLOAT and DOUBLE.
 */
final class ConvolutionColumns {
    private static final int CHUNK_BYTES = 64 * 1024;

    private final int height;
    private final int width;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private final int kernel;
    private final int stride;
    private final int padTop;
    private final int padLeft;
    private final BatchBuffers columns;
    private final ReshapedView matrix = new ReshapedView();
    /** The input batch, copied to the heap in one piece. */
    private byte[] image = new byte[0];
    /**
     * Per intra-op thread, whole patches staged in the heap, then written to native memory a chunk at a time (stays
     * in L2).
     */
    private byte[][] patches = new byte[0][];

    ConvolutionColumns(SampleShape input, SampleShape output, int kernel, int stride) {
        this.height = input.height();
        this.width = input.width();
        this.channels = input.channels();
        this.outHeight = output.height();
        this.outWidth = output.width();
        this.kernel = kernel;
        this.stride = stride;
        // "same" padding puts the odd pixel at the bottom and right, as oneDNN and TensorFlow do; 0 for "valid"
        this.padTop = Math.max(0, (outHeight - 1) * stride + kernel - height) / 2;
        this.padLeft = Math.max(0, (outWidth - 1) * stride + kernel - width) / 2;
        this.columns = new BatchBuffers(SampleShape.vector(outHeight * outWidth * patchLength()));
    }

    /** Values in one patch, the width of the matrix. */
    int patchLength() {
        return kernel * kernel * channels;
    }

    /**
     * The columns of the batch {@code x} as a {@code [n·oH·oW, kH·kW·in]} matrix (a reused buffer), the samples shared
     * among the worker's {@link IntraOpThreads}.
     */
    INDArray of(INDArray x) {
        int batch = (int) x.size(0);
        int bytes = x.dataType().width();
        int imageBytes = (int) x.length() * bytes;
        int sampleBytes = imageBytes / batch;
        int patchBytes = patchLength() * bytes;
        int positions = outHeight * outWidth;
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        if (image.length < imageBytes) {
            image = new byte[imageBytes];
        }
        if (patches.length < threads.count() || patches[0].length < patchBytes) {
            patches = new byte[threads.count()][Math.max(patchBytes, CHUNK_BYTES / patchBytes * patchBytes)];
        }
        INDArray buffer = columns.get(batch, x.dataType());
        threads.split(batch, (long) positions * patchLength(), (lane, from, to) -> {
            x.data().asNio().get((int) x.offset() * bytes + from * sampleBytes, image, from * sampleBytes,
                    (to - from) * sampleBytes);
            byte[] staged = patches[lane];
            ByteBuffer target = buffer.data().asNio();
            int written = (int) buffer.offset() * bytes + from * positions * patchBytes;
            int filled = 0;
            for (int n = from; n < to; n++) {
                for (int oh = 0; oh < outHeight; oh++) {
                    for (int ow = 0; ow < outWidth; ow++) {
                        if (filled + patchBytes > staged.length) {
                            target.put(written, staged, 0, filled);
                            written += filled;
                            filled = 0;
                        }
                        copyPatch(staged, n, oh, ow, bytes, filled);
                        filled += patchBytes;
                    }
                }
            }
            target.put(written, staged, 0, filled);
        });
        return matrix.of(buffer, new long[] {(long) batch * positions, patchLength()});
    }

    /** Writes the patch seen by output position {@code (n, oh, ow)} into the chunk {@code patches} at {@code into}. */
    private void copyPatch(byte[] patches, int n, int oh, int ow, int bytes, int into) {
        int pixelBytes = channels * bytes;
        int segmentBytes = kernel * pixelBytes;
        int left = ow * stride - padLeft;
        int firstColumn = Math.max(0, -left);
        int endColumn = Math.min(kernel, width - left);
        boolean clipped = firstColumn > 0 || endColumn < kernel;
        for (int kh = 0; kh < kernel; kh++) {
            int row = oh * stride + kh - padTop;
            int segment = into + kh * segmentBytes;
            if (row < 0 || row >= height) {
                Arrays.fill(patches, segment, segment + segmentBytes, (byte) 0);
                continue;
            }
            if (clipped) {
                Arrays.fill(patches, segment, segment + segmentBytes, (byte) 0);
            }
            System.arraycopy(image, ((n * height + row) * width + left + firstColumn) * pixelBytes,
                    patches, segment + firstColumn * pixelBytes, (endColumn - firstColumn) * pixelBytes);
        }
    }
}
