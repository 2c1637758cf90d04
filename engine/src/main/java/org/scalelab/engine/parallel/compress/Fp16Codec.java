package org.scalelab.engine.parallel.compress;

import java.nio.ByteBuffer;

/**
 * IEEE 754 half precision, two bytes an entry, rounded to nearest even: relative error at most 2⁻¹¹ for
 * magnitudes in half's normal range (6.1·10⁻⁵ to 65,504); below it the step is fixed at 2⁻²⁴, so smaller entries
 * lose relative precision (error feedback keeps what they lose). Larger magnitudes are clipped to ±65,504 rather
 * than sent as infinity, which would end the run.
 */
final class Fp16Codec implements GradientCodec {
    private static final int LARGEST_HALF = 0x7bff;
    /** 65,520 as a float's bits: from here on a float rounds beyond half's largest finite value. */
    private static final int OVERFLOW_BITS = 0x477ff000;
    /** 2⁻¹⁴ as a float's bits: below it, halves are subnormal. */
    private static final int SMALLEST_NORMAL_BITS = 0x38800000;
    /** 2⁻²⁵ as a float's bits: at or below it, a value rounds to zero. */
    private static final int HALF_OF_SMALLEST_SUBNORMAL_BITS = 0x33000000;

    private final int length;

    Fp16Codec(int length) {
        this.length = length;
    }

    @Override
    public int encodedBytes() {
        return 2 * length;
    }

    @Override
    public void encode(float[] values, ByteBuffer out, int at) {
        for (int i = 0; i < length; i++) {
            out.putShort(at + 2 * i, toHalf(values[i]));
        }
    }

    @Override
    public void addDecoded(ByteBuffer in, int at, float[] into) {
        for (int i = 0; i < length; i++) {
            into[i] += toFloat(in.getShort(at + 2 * i));
        }
    }

    static short toHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7fffffff;
        if (magnitude > 0x7f800000) {
            return (short) (sign | 0x7e00);
        }
        if (magnitude >= OVERFLOW_BITS) {
            return (short) (sign | LARGEST_HALF);
        }
        if (magnitude < SMALLEST_NORMAL_BITS) {
            if (magnitude <= HALF_OF_SMALLEST_SUBNORMAL_BITS) {
                return (short) sign;
            }
            // Units of 2⁻²⁴: the significand with its implicit bit, shifted by how far the exponent is below 2⁻¹⁴.
            int significand = (magnitude & 0x7fffff) | 0x800000;
            int shift = 126 - (magnitude >>> 23);
            return (short) (sign | roundedShift(significand, shift));
        }
        int rebased = magnitude - ((127 - 15) << 23);
        return (short) (sign | roundedShift(rebased, 13));
    }

    /** {@code value >> shift}, rounded to nearest, ties to even; a carry into the exponent is the right result. */
    private static int roundedShift(int value, int shift) {
        int kept = value >>> shift;
        int dropped = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        return dropped > halfway || dropped == halfway && (kept & 1) != 0 ? kept + 1 : kept;
    }

    static float toFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int significand = half & 0x3ff;
        if (exponent == 0) {
            float subnormal = significand * 0x1p-24f;
            return sign == 0 ? subnormal : -subnormal;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | significand << 13);
        }
        return Float.intBitsToFloat(sign | (exponent + 127 - 15) << 23 | significand << 13);
    }
}
