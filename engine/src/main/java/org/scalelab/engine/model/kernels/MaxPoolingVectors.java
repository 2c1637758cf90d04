package org.scalelab.engine.model.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;

/**
 * {@link MaxPooling} of FLOAT batches with the JDK's Vector API, for windows that do not overlap and pixels whose
 * channels fill whole vectors ({@link #fits}): a vector holds channels of one pixel (16 with AVX-512, 8 with AVX2),
 * which lie side by side in NHWC, and a window's pixels are compared with the running maxima a vector at a time.
 *
 * <p>Why not plain loops: C2 vectorises a loop along a pixel's 32 or 64 channels badly, because a loop that short runs
 * mostly in the scalar loops it puts before and after the vector one. On {@code cnn-1m}'s first pooling (64×32×32×32,
 * one thread, the same JVM taking turns) the plain loops took 3.7–6.1 ms a batch, these 0.8–1.5 (docs/PERFORMANCE.md).
 *
 * <p>Other pixels keep the plain loops. Masks do not help them: JDK 17 writes a masked vector lane by lane, which made
 * LeNet-5's first pooling (6 channels) 2.2–9.6 ms a batch against 0.8. Nor do vectors that run on into the next
 * pixel's values, written again right after: as fast as the plain loops in most runs, 5–10 times slower in some.
 *
 * <p>Values are read from and written to the batches' native memory directly, and compared as ints that order as the
 * floats do ({@link #orderedKeys}), so that ties and signed zeros are decided as the plain loops decide them. Holds the
 * winners of the last forward pass, so an instance serves one worker.
 */
final class MaxPoolingVectors {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    /** As many shorts as {@link #INTS} has ints: the winners. */
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, VectorShape.forBitSize(INTS.vectorBitSize() / 2));
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** The winner of a window whose maximum the ReLU zeroed: no gradient goes back through it. */
    private static final short NO_GRADIENT = -1;

    private final int channels;
    /** Within a sample, the first value of each window, in the order of the outputs. */
    private final int[] windowCorners;
    /** Offsets, within a sample, of a window's values from its first one, in row-major order. */
    private final int[] windowOffsets;
    /** For each pixel of an input sample: the output pixel whose window holds it, or -1 where no window does. */
    private final int[] pixelWindow;
    /** For each pixel of an input sample in a window: where in the window it lies (an index into windowOffsets). */
    private final int[] pixelPlace;
    private final int inputPerSample;
    private final int outputPerSample;

    /**
     * For each output value of the last forward batch: which value of its window won (an index into
     * {@link #windowOffsets}), or {@link #NO_GRADIENT}. Shorts, where the plain loops keep the ints that name the input
     * value: on {@code cnn-1m}'s first pooling they are 1 MB a batch less to write and read again, beside the 8 MB
     * either pass reads or writes, which make both as slow as memory.
     */
    private short[] winners = new short[0];

    /** Whether pixels of {@code channels} fill whole vectors and a window of {@code size}² values fits a short. */
    static boolean fits(int channels, int size) {
        return channels % LANES == 0 && size * size <= Short.MAX_VALUE;
    }

    /** @param stride at least {@code size}: windows that do not overlap */
    MaxPoolingVectors(SampleShape input, SampleShape output, int size, int stride, int[] windowCorners, int[] windowOffsets) {
        this.channels = input.channels();
        this.windowCorners = windowCorners;
        this.windowOffsets = windowOffsets;
        this.inputPerSample = input.size();
        this.outputPerSample = output.size();
        this.pixelWindow = new int[input.height() * input.width()];
        this.pixelPlace = new int[pixelWindow.length];
        Arrays.fill(pixelWindow, -1);
        for (int oh = 0; oh < output.height(); oh++) {
            for (int ow = 0; ow < output.width(); ow++) {
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        int pixel = (oh * stride + i) * input.width() + ow * stride + j;
                        pixelWindow[pixel] = oh * output.width() + ow;
                        pixelPlace[pixel] = i * size + j;
                    }
                }
            }
        }
    }

    /** {@code y} = the maxima of {@code x}'s windows (of {@code relu(x)}'s), the samples shared among the intra-op threads. */
    void forward(INDArray x, INDArray y, int batch, boolean reluFirst) {
        if (winners.length < batch * outputPerSample) {
            winners = new short[batch * outputPerSample];
        }
        ByteBuffer in = x.data().asNio();
        ByteBuffer out = y.data().asNio();
        IntraOpThreads.onThisThread().split(batch, inputPerSample, (lane, from, to) -> {
            for (int sample = from; sample < to; sample++) {
                pool(in, Layouts.sampleStart(x, sample, inputPerSample), out,
                        Layouts.sampleStart(y, sample, outputPerSample), sample * outputPerSample, reluFirst);
            }
        });
    }

    /** {@code dx} = each value of {@code dy} at its window's winner in the last {@link #forward}, zero elsewhere. */
    void backward(INDArray dy, INDArray dx, int batch) {
        if (winners.length < batch * outputPerSample) {
            throw new IllegalStateException("max pooling backward pass of " + batch + " samples after a forward pass of "
                    + winners.length / outputPerSample);
        }
        ByteBuffer gradients = dy.data().asNio();
        ByteBuffer inputGradients = dx.data().asNio();
        IntraOpThreads.onThisThread().split(batch, inputPerSample, (lane, from, to) -> {
            for (int sample = from; sample < to; sample++) {
                placeGradients(gradients, Layouts.sampleStart(dy, sample, outputPerSample), inputGradients,
                        Layouts.sampleStart(dx, sample, inputPerSample), sample * outputPerSample);
            }
        });
    }

    /**
     * One sample's window maxima, from {@code x} (values from {@code xStart}) into {@code y} (from {@code yStart}), and
     * its winners from {@code firstWinner} on. A later value wins only when strictly larger, so the first maximum
     * wins ties.
     */
    private void pool(ByteBuffer x, int xStart, ByteBuffer y, int yStart, int firstWinner, boolean reluFirst) {
        int o = 0;
        for (int corner : windowCorners) {
            for (int c = 0; c < channels; c += LANES) {
                IntVector best = orderedKeys(load(x, xStart + corner + c));
                IntVector winner = IntVector.zero(INTS);
                for (int t = 1; t < windowOffsets.length; t++) {
                    IntVector value = orderedKeys(load(x, xStart + corner + windowOffsets[t] + c));
                    VectorMask<Integer> larger = value.compare(VectorOperators.GT, best);
                    best = best.blend(value, larger);
                    winner = winner.blend(t, larger);
                }
                IntVector bits = orderedKeys(best);  // the map is its own inverse
                if (reluFirst) {
                    // relu(max(x)); a maximum of zero or less (a set sign bit included) leaves no gradient to pass back
                    VectorMask<Integer> cut = bits.compare(VectorOperators.LE, 0);
                    winner = winner.blend(NO_GRADIENT, cut);
                    bits = bits.blend(0, cut);
                }
                bits.intoByteBuffer(y, byteOffset(yStart + o + c), ORDER);
                ((ShortVector) winner.convertShape(VectorOperators.I2S, SHORTS, 0)).intoArray(winners, firstWinner + o + c);
            }
            o += channels;
        }
    }

    /**
     * One sample's input gradient: each window's output gradient (from {@code dy} at {@code dyStart}) at its winner,
     * zero at its other values, where it has none and outside every window, into {@code dx} from {@code dxStart}.
     * Every value is written, pixel after pixel: no zeroing first, no scatter.
     */
    private void placeGradients(ByteBuffer dy, int dyStart, ByteBuffer dx, int dxStart, int firstWinner) {
        IntVector zero = IntVector.zero(INTS);
        int at = 0;
        for (int pixel = 0; pixel < pixelWindow.length; pixel++) {
            int window = pixelWindow[pixel];
            for (int c = 0; c < channels; c += LANES) {
                IntVector placed = zero;
                if (window >= 0) {
                    int o = window * channels + c;
                    IntVector winner = (IntVector) ShortVector.fromArray(SHORTS, winners, firstWinner + o)
                            .convertShape(VectorOperators.S2I, INTS, 0);
                    placed = zero.blend(load(dy, dyStart + o), winner.compare(VectorOperators.EQ, pixelPlace[pixel]));
                }
                placed.intoByteBuffer(dx, byteOffset(dxStart + at + c), ORDER);
            }
            at += channels;
        }
    }

    private static IntVector load(ByteBuffer values, int index) {
        return IntVector.fromByteBuffer(INTS, values, byteOffset(index), ORDER);
    }

    private static int byteOffset(int index) {
        return index * Float.BYTES;
    }

    /**
     * IEEE-754 bit patterns as ints that order as the floats do: negative floats order in reverse of their bit
     * patterns, and flipping all but the sign bit of those fixes that ({@code -0} then orders just below {@code +0}; a
     * positive NaN above everything, so a divergence carries forward to the loss, which reports it).
     */
    private static IntVector orderedKeys(IntVector bits) {
        return bits.lanewise(VectorOperators.XOR, bits.lanewise(VectorOperators.ASHR, 31).and(0x7fffffff));
    }
}
