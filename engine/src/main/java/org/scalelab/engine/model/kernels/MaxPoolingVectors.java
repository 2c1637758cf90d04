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
import org.scalelab.engine.model.SampleShape;

/**
 * {@link MaxPooling}'s FLOAT loops, one sample at a time, written with the JDK's Vector API: a vector holds one
 * pixel's channels (16 of them with AVX-512, 8 with AVX2), which lie side by side in NHWC, and a window's pixels are
 * compared with the running maxima one vector at a time.
 *
 * <p>Why not plain loops: C2 vectorises a loop along a pixel's 32 or 64 channels badly, because a loop that short runs
 * mostly in the scalar loops it puts before and after the vector one. On {@code cnn-1m}'s first pooling (64×32×32×32,
 * one thread, the same JVM taking turns) the plain loops took 3.7–5.0 ms a batch, these 0.9–1.5 (docs/PERFORMANCE.md).
 *
 * <p>Values are read from and written to the batches' native memory directly. They are compared as ints that order as
 * the floats do ({@link #orderedKeys}), so that ties and signed zeros are decided as the plain loops decided them.
 *
 * <p>Where a pixel's channels do not fill whole vectors (LeNet-5's 6), the forward pass's last vector of a pixel runs
 * on into the next pixel's values. It writes in memory order, so those extra values are written again, correctly,
 * right after; only at the end of a sample, which another thread may be writing, are the extra lanes left out (JDK
 * 17's masked stores do that lane by lane, and made LeNet-5's first pooling 2.2–9.6 ms a batch against 0.8). The
 * backward pass's vectors take whole vectors of channels only ({@link #wholeVectors}): for 6 or 8 channels its
 * overlapping, unaligned stores took 0.40 ms where {@link MaxPooling}'s scatter takes 0.13.
 */
final class MaxPoolingVectors {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    /** As many shorts as {@link #INTS} has ints: the winners. */
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, VectorShape.forBitSize(INTS.vectorBitSize() / 2));
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final int channels;
    /** Within a sample, the first value of each window, in the order of the outputs. */
    private final int[] windowCorners;
    /** Offsets, within a sample, of a window's values from its first one, in row-major order. */
    private final int[] windowOffsets;
    /** For each pixel of an input sample: the output pixel whose window holds it, or -1 where no window does. */
    private final int[] pixelWindow;
    /** For each pixel of an input sample in a window: where in the window it lies (an index into windowOffsets). */
    private final int[] pixelPlace;
    private final int outputPerSample;

    /** @param stride at least {@code size} when the backward pass is used: windows that do not overlap */
    MaxPoolingVectors(SampleShape input, SampleShape output, int size, int stride, int[] windowCorners, int[] windowOffsets) {
        this.channels = input.channels();
        this.windowCorners = windowCorners;
        this.windowOffsets = windowOffsets;
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

    /** Whether a pixel's channels fill whole vectors, which {@link #placeGradients} needs. */
    boolean wholeVectors() {
        return channels % LANES == 0;
    }

    /**
     * One sample's window maxima, from {@code x} (values from {@code xStart}) into {@code y} (from {@code yStart}),
     * and, from {@code firstWinner} on, which value of its window each output's winner is, or
     * {@link MaxPooling#NO_GRADIENT} where {@code reluFirst} zeroed the window. A later value wins only when strictly
     * larger, so the first maximum wins ties.
     */
    void pool(ByteBuffer x, int xStart, ByteBuffer y, int yStart, short[] winners, int firstWinner, boolean reluFirst) {
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
                    winner = winner.blend(MaxPooling.NO_GRADIENT, cut);
                    bits = bits.blend(0, cut);
                }
                int written = Math.min(LANES, outputPerSample - o - c);
                store(bits, y, yStart + o + c, written);
                store((ShortVector) winner.convertShape(VectorOperators.I2S, SHORTS, 0), winners, firstWinner + o + c, written);
            }
            o += channels;
        }
    }

    /**
     * One sample's input gradient, for windows that do not overlap and {@link #wholeVectors}: each window's output gradient (from {@code dy}
     * at {@code dyStart}) at its winner, zero at its other values, where it has none and outside every window, into
     * {@code dx} from {@code dxStart}. Every value is written, pixel after pixel: no zeroing first, no scatter.
     */
    void placeGradients(ByteBuffer dy, int dyStart, ByteBuffer dx, int dxStart, short[] winners, int firstWinner) {
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

    /*
     * The helpers below stay small enough for C2 to inline wherever they are called, their rare paths apart: a vector
     * that crosses a call not inlined is boxed, and a pooling that did so took ten times as long.
     */

    /** A vector of values from {@code index} on; past the buffer's end (the last pixel's extra lanes) zeros. */
    private static IntVector load(ByteBuffer values, int index) {
        return values.limit() - byteOffset(index) >= INTS.vectorByteSize()
                ? IntVector.fromByteBuffer(INTS, values, byteOffset(index), ORDER) : loadToTheEnd(values, index);
    }

    private static IntVector loadToTheEnd(ByteBuffer values, int index) {
        int[] lanes = new int[LANES];
        for (int lane = 0; index + lane < values.limit() / Float.BYTES; lane++) {
            lanes[lane] = values.getInt(byteOffset(index + lane));
        }
        return IntVector.fromArray(INTS, lanes, 0);
    }

    /** The first {@code count} lanes at {@code index} on: all of them, unless this is the end of a sample. */
    private static void store(IntVector vector, ByteBuffer values, int index, int count) {
        if (count == LANES) {
            vector.intoByteBuffer(values, byteOffset(index), ORDER);
        } else {
            storeSome(vector.toArray(), values, index, count);
        }
    }

    private static void storeSome(int[] lanes, ByteBuffer values, int index, int count) {
        for (int lane = 0; lane < count; lane++) {
            values.putInt(byteOffset(index + lane), lanes[lane]);
        }
    }

    private static void store(ShortVector vector, short[] values, int index, int count) {
        if (count == LANES) {
            vector.intoArray(values, index);
        } else {
            System.arraycopy(vector.toArray(), 0, values, index, count);
        }
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
