package org.scalelab.engine.parallel.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.config.GradientCompression;

/** Each codec decodes what it encoded within the error it states, in the bytes the compression counts. */
class GradientCodecsTest {

    /** Gradient-like values: signs mixed, magnitudes spread over several decades, in half's normal range. */
    private static float[] gradient(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            double magnitude = Math.pow(10, random.nextDouble(-4, 1));
            values[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        return values;
    }

    private static float[] roundTrip(GradientCompression compression, float[] values) {
        GradientCodec codec = GradientCodecs.of(compression, values.length);
        assertEquals(compression.encodedBytes(values.length), codec.encodedBytes(), compression + ": bytes counted");
        // Encoded at an offset, between other data, as a rank's share of a gather sits.
        ByteBuffer bytes = ByteBuffer.allocate(codec.encodedBytes() + 10).order(ByteOrder.LITTLE_ENDIAN);
        codec.encode(values, bytes, 5);
        float[] decoded = new float[values.length];
        codec.addDecoded(bytes, 5, decoded);
        return decoded;
    }

    @Test
    void halfPrecisionKeepsEveryNormalValueWithinARelativeThousandth() {
        float[] values = gradient(10_000, 1);
        float[] decoded = roundTrip(GradientCompression.parse("fp16"), values);
        for (int i = 0; i < values.length; i++) {
            assertTrue(Math.abs(decoded[i] - values[i]) <= 0x1p-11 * Math.abs(values[i]),
                    values[i] + " came back as " + decoded[i]);
        }
        assertTrue(Math.abs(decoded[0] - values[0]) <= 1e-3 * Math.abs(values[0]));
    }

    @Test
    void halfPrecisionRoundsToNearestEvenAndClipsAtItsRange() {
        // 1 + 2⁻¹¹ lies halfway between 1 and the next half, 1 + 2⁻¹⁰: ties go to the even one, 1.
        assertEquals(1f, Fp16Codec.toFloat(Fp16Codec.toHalf(1 + 0x1p-11f)));
        assertEquals(1 + 0x1p-9f, Fp16Codec.toFloat(Fp16Codec.toHalf(1 + 0x1p-10f + 0x1p-11f)), "odd goes up");
        assertEquals(65504f, Fp16Codec.toFloat(Fp16Codec.toHalf(1e6f)));
        assertEquals(-65504f, Fp16Codec.toFloat(Fp16Codec.toHalf(-1e6f)));
        assertEquals(0x1p-24f, Fp16Codec.toFloat(Fp16Codec.toHalf(0x1p-24f)), "the smallest subnormal half");
        assertEquals(3 * 0x1p-24f, Fp16Codec.toFloat(Fp16Codec.toHalf(2.6f * 0x1p-24f)), "subnormals round too");
        assertEquals(0f, Fp16Codec.toFloat(Fp16Codec.toHalf(0x1p-26f)));
        assertTrue(Float.isNaN(Fp16Codec.toFloat(Fp16Codec.toHalf(Float.NaN))));
        for (int bits = 0; bits < 0x7c00; bits++) {
            float value = Fp16Codec.toFloat((short) bits);
            assertEquals((short) bits, Fp16Codec.toHalf(value), "every finite half survives the trip: " + value);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255, 256, 257, 1_000})
    void int8KeepsEveryValueWithinHalfItsChunksScale(int length) {
        float[] values = gradient(length, length);
        values[length / 2] = 0;
        float[] decoded = roundTrip(GradientCompression.parse("int8"), values);
        int chunk = GradientCompression.INT8_CHUNK;
        for (int start = 0; start < length; start += chunk) {
            int end = Math.min(length, start + chunk);
            float largest = 0;
            for (int i = start; i < end; i++) {
                largest = Math.max(largest, Math.abs(values[i]));
            }
            float scale = largest / 127;
            for (int i = start; i < end; i++) {
                assertTrue(Math.abs(decoded[i] - values[i]) <= scale / 2 * (1 + 1e-5),
                        "entry " + i + ": " + values[i] + " came back as " + decoded[i] + ", scale " + scale);
            }
        }
        assertEquals(0f, decoded[length / 2], "zero stays zero");
    }

    @Test
    void int8SendsAnAllZeroChunkAsZeros() {
        float[] decoded = roundTrip(GradientCompression.parse("int8"), new float[300]);
        assertArrayEquals(new float[300], decoded);
    }

    @Test
    void topKKeepsExactlyTheLargestMagnitudesAndDropsTheRest() {
        float[] values = gradient(5_000, 7);
        GradientCompression compression = GradientCompression.parse("topk:0.01");
        int kept = compression.keptEntries(values.length);
        assertEquals(50, kept);
        float[] decoded = roundTrip(compression, values);
        int[] largest = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -Math.abs(values[i]))).limit(kept)
                .mapToInt(Integer::intValue).sorted().toArray();
        int[] sent = IntStream.range(0, values.length).filter(i -> decoded[i] != 0).toArray();
        assertArrayEquals(largest, sent, "the indices of the 50 largest magnitudes");
        for (int i : sent) {
            assertEquals(values[i], decoded[i], "sent values are exact");
        }
    }

    @Test
    void topKBreaksTiesByTheLowestIndex() {
        float[] values = {0.5f, -2f, 1f, -1f, 1f, 3f, -1f, 0f};
        float[] decoded = roundTrip(GradientCompression.parse("topk:0.5"), values);
        // 3 and −2 certainly; of the four entries of magnitude 1, the two lowest indices.
        assertArrayEquals(new float[] {0, -2f, 1f, -1f, 0, 3f, 0, 0}, decoded);
    }

    @Test
    void topKOfAllZerosSendsZeros() {
        float[] decoded = roundTrip(GradientCompression.parse("topk:0.1"), new float[100]);
        assertArrayEquals(new float[100], decoded);
    }

    /**
     * A NaN in the gradient is sent, and exactly k pairs are written over whatever the buffer held: a NaN had been
     * chosen by no comparison, so the last step's pairs went out again and the NaN stayed in the residual for good.
     */
    @Test
    void topKSendsANanAmongItsKPairsAndNothingOfTheBufferBefore() {
        GradientCompression compression = GradientCompression.parse("topk:0.1");
        GradientCodec codec = GradientCodecs.of(compression, 100);
        ByteBuffer bytes = ByteBuffer.allocate(codec.encodedBytes()).order(ByteOrder.LITTLE_ENDIAN);
        float[] before = new float[100];
        Arrays.fill(before, 5f);
        codec.encode(before, bytes, 0);
        float[] values = gradient(100, 11);
        values[42] = Float.NaN;

        codec.encode(values, bytes, 0);
        float[] decoded = new float[100];
        codec.addDecoded(bytes, 0, decoded);

        assertTrue(Float.isNaN(decoded[42]), "the NaN is sent");
        Integer[] byMagnitude = IntStream.range(0, 100).filter(i -> i != 42).boxed()
                .sorted(Comparator.comparingDouble(i -> -Math.abs(values[i]))).toArray(Integer[]::new);
        for (int rank = 0; rank < 99; rank++) {
            int i = byMagnitude[rank];
            assertEquals(rank < 9 ? values[i] : 0f, decoded[i], "entry " + i + ", the " + (rank + 1) + "th largest");
        }
    }

    @Test
    void selectionFindsTheOrderStatisticOfAnyInput() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int count = 1 + random.nextInt(200);
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = random.nextInt(20);
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int index = random.nextInt(count);
            assertEquals(sorted[index], TopKCodec.select(values.clone(), count, index));
        }
    }
}
