package org.scalelab.engine.parallel.compress;

import java.nio.ByteBuffer;

/**
 * The k entries of largest magnitude, as (index, value) pairs in ascending index order, 8 bytes each; the rest
 * are not sent. Entries tied with the k-th largest magnitude are taken lowest index first, so the choice depends
 * on the values alone. Decoding adds each pair's value at its index, k additions whatever the length.
 *
 * <p>Finding the k-th largest magnitude is a selection (Hoare's, on a scratch copy of the magnitudes), linear on
 * average, rather than a sort of every entry.
 */
final class TopKCodec implements GradientCodec {
    private static final int PAIR_BYTES = Integer.BYTES + Float.BYTES;

    private final int length;
    private final int kept;
    private final float[] magnitudes;

    TopKCodec(int length, int kept) {
        this.length = length;
        this.kept = kept;
        this.magnitudes = new float[length];
    }

    @Override
    public int encodedBytes() {
        return PAIR_BYTES * kept;
    }

    @Override
    public void encode(float[] values, ByteBuffer out, int at) {
        for (int i = 0; i < length; i++) {
            magnitudes[i] = magnitude(values[i]);
        }
        float threshold = select(magnitudes, length, length - kept);
        int ties = kept;
        for (int i = 0; i < length; i++) {
            if (magnitude(values[i]) > threshold) {
                ties--;
            }
        }
        int pair = 0;
        for (int i = 0; i < length && pair < kept; i++) {
            float magnitude = magnitude(values[i]);
            if (magnitude > threshold || magnitude == threshold && ties-- > 0) {
                out.putInt(at + PAIR_BYTES * pair, i);
                out.putFloat(at + PAIR_BYTES * pair + Integer.BYTES, values[i]);
                pair++;
            }
        }
    }

    @Override
    public void addDecoded(ByteBuffer in, int at, float[] into) {
        for (int pair = 0; pair < kept; pair++) {
            into[in.getInt(at + PAIR_BYTES * pair)] += in.getFloat(at + PAIR_BYTES * pair + Integer.BYTES);
        }
    }

    /**
     * An entry's magnitude, NaN counted as the largest: a NaN compares with nothing, so it was never chosen and
     * fewer than k pairs were written, the rest of the buffer sending the last step's pairs again, while error
     * feedback kept the NaN out of every step to come. Sent, it reaches the weights and the loss, which then ends the
     * run as diverged.
     */
    private static float magnitude(float value) {
        return Float.isNaN(value) ? Float.POSITIVE_INFINITY : Math.abs(value);
    }

    /** The value that would be at {@code index} were {@code a[0, count)} sorted ascending; reorders {@code a}. */
    static float select(float[] a, int count, int index) {
        int low = 0;
        int high = count - 1;
        while (low < high) {
            float pivot = a[index];
            int i = low;
            int j = high;
            do {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    float swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            } while (i <= j);
            if (j < index) {
                low = i;
            }
            if (index < i) {
                high = j;
            }
        }
        return a[index];
    }
}
