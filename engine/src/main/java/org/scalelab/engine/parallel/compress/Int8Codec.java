package org.scalelab.engine.parallel.compress;

import java.nio.ByteBuffer;
import org.scalelab.engine.config.GradientCompression;

/**
 * Eight-bit integers with one scale per chunk of {@value GradientCompression#INT8_CHUNK} entries: the chunk's
 * largest magnitude over 127, so each entry is sent as {@code round(value / scale)} in [−127, 127] and decoded as
 * that integer times the scale. An entry's error is at most half the scale (plus float rounding): a chunk follows
 * the gradient's local range, so a layer of small gradients is not rounded to zero by another of large ones.
 * Layout: per chunk, its float scale then its bytes.
 */
final class Int8Codec implements GradientCodec {
    private static final int CHUNK = GradientCompression.INT8_CHUNK;
    private static final float LEVELS = 127f;

    private final int length;
    private final int encodedBytes;

    /** @param encodedBytes as {@link GradientCompression#encodedBytes} counts them for {@code length} */
    Int8Codec(int length, int encodedBytes) {
        this.length = length;
        this.encodedBytes = encodedBytes;
    }

    @Override
    public int encodedBytes() {
        return encodedBytes;
    }

    @Override
    public void encode(float[] values, ByteBuffer out, int at) {
        int offset = at;
        for (int start = 0; start < length; start += CHUNK) {
            int end = Math.min(length, start + CHUNK);
            float largest = 0;
            for (int i = start; i < end; i++) {
                largest = Math.max(largest, Math.abs(values[i]));
            }
            float scale = largest / LEVELS;
            float inverse = LEVELS / largest;
            if (!Float.isFinite(inverse)) {
                // An all-zero chunk, or one so small that its levels underflow: sent as zeros.
                inverse = 0;
            }
            out.putFloat(offset, scale);
            offset += Float.BYTES;
            for (int i = start; i < end; i++) {
                int level = Math.round(values[i] * inverse);
                out.put(offset++, (byte) Math.max(-127, Math.min(127, level)));
            }
        }
    }

    @Override
    public void addDecoded(ByteBuffer in, int at, float[] into) {
        int offset = at;
        for (int start = 0; start < length; start += CHUNK) {
            int end = Math.min(length, start + CHUNK);
            float scale = in.getFloat(offset);
            offset += Float.BYTES;
            for (int i = start; i < end; i++) {
                into[i] += in.get(offset++) * scale;
            }
        }
    }
}
