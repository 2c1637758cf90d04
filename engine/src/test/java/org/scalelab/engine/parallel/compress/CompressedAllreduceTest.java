package org.scalelab.engine.parallel.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.SharedMemoryGroup;
import org.scalelab.engine.parallel.comm.ThreadedRanks;

/** The compressed allreduce sums what each rank's codec decodes, identically everywhere, and loses nothing for good. */
class CompressedAllreduceTest {
    private static final int LENGTH = 1_000;

    /** What one rank's gradient becomes on the way: encoded, then decoded. */
    private static float[] decoded(GradientCompression compression, float[] values) {
        GradientCodec codec = GradientCodecs.of(compression, values.length);
        ByteBuffer bytes = ByteBuffer.allocate(codec.encodedBytes()).order(ByteOrder.LITTLE_ENDIAN);
        codec.encode(values, bytes, 0);
        float[] result = new float[values.length];
        codec.addDecoded(bytes, 0, result);
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp16", "int8", "topk:0.05"})
    void everyRankEndsWithTheSameSumOfTheDecodedGradients(String scheme) {
        GradientCompression compression = GradientCompression.parse(scheme);
        int ranks = 3;
        SharedMemoryGroup group = new SharedMemoryGroup(ranks);
        List<float[]> sums = ThreadedRanks.run(ranks, rank -> {
            Communicator communicator = group.communicator(rank);
            CompressedAllreduce allreduce = new CompressedAllreduce(communicator, compression, true, LENGTH);
            float[] gradient = ThreadedRanks.randomValues(rank, LENGTH);
            allreduce.sum(FloatBuffer.wrap(gradient));
            return gradient;
        });
        float[] expected = new float[LENGTH];
        for (int rank = 0; rank < ranks; rank++) {
            float[] part = decoded(compression, ThreadedRanks.randomValues(rank, LENGTH));
            for (int i = 0; i < LENGTH; i++) {
                expected[i] += part[i];
            }
        }
        for (int rank = 0; rank < ranks; rank++) {
            assertArrayEquals(expected, sums.get(rank), "rank " + rank + " holds the rank-ordered sum of decoded parts");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp16", "int8", "topk:0.05"})
    void errorFeedbackConservesTheGradientSum(String scheme) {
        GradientCompression compression = GradientCompression.parse(scheme);
        CompressedAllreduce alone = new CompressedAllreduce(new SharedMemoryGroup(1).communicator(0), compression,
                true, LENGTH);
        double[] computed = new double[LENGTH];
        double[] sent = new double[LENGTH];
        float[] previousResidual = new float[LENGTH];
        for (int step = 0; step < 10; step++) {
            float[] gradient = ThreadedRanks.randomValues(step, LENGTH);
            float[] corrected = new float[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                computed[i] += gradient[i];
                corrected[i] = gradient[i] + previousResidual[i];
            }
            float[] result = gradient.clone();
            alone.sum(FloatBuffer.wrap(result));
            float[] residual = alone.residual();
            for (int i = 0; i < LENGTH; i++) {
                // This step: what was sent plus what was kept is the gradient plus what was kept before, exactly
                // (the only rounding is in adding the old residual to the gradient, done before encoding).
                assertEquals(corrected[i], result[i] + residual[i], "step " + step + ", entry " + i);
                sent[i] += result[i];
            }
            System.arraycopy(residual, 0, previousResidual, 0, LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            // Over all steps: sent plus still kept is everything computed, within float rounding of 10 additions.
            double kept = previousResidual[i];
            assertEquals(computed[i], sent[i] + kept, 1e-5 * (1 + Math.abs(computed[i])), "entry " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp16", "int8", "topk:0.05"})
    void withoutErrorFeedbackEachStepSendsOnlyItsOwnGradient(String scheme) {
        GradientCompression compression = GradientCompression.parse(scheme);
        CompressedAllreduce alone = new CompressedAllreduce(new SharedMemoryGroup(1).communicator(0), compression,
                false, LENGTH);
        for (int step = 0; step < 3; step++) {
            float[] gradient = ThreadedRanks.randomValues(step, LENGTH);
            float[] result = gradient.clone();
            alone.sum(FloatBuffer.wrap(result));
            assertArrayEquals(decoded(compression, gradient), result, "step " + step);
        }
        assertEquals(0, alone.residual().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp16", "int8", "topk:0.05"})
    void itSendsFewerBytesThanTheFloats(String scheme) {
        CompressedAllreduce allreduce = new CompressedAllreduce(new SharedMemoryGroup(1).communicator(0),
                GradientCompression.parse(scheme), true, LENGTH);
        assertTrue(allreduce.encodedBytes() < Float.BYTES * LENGTH, scheme + ": " + allreduce.encodedBytes());
    }

    /**
     * A step allocates nothing: the codecs' scratch and every buffer are made once, for the gradient's length.
     * Counted in bytes this thread allocated (the JVM's own count, not time), over 200 steps after 200 to warm up.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fp16", "int8", "topk:0.05"})
    void aStepAllocatesNothing(String scheme) {
        CompressedAllreduce alone = new CompressedAllreduce(new SharedMemoryGroup(1).communicator(0),
                GradientCompression.parse(scheme), true, 100_000);
        FloatBuffer gradient = FloatBuffer.wrap(ThreadedRanks.randomValues(1, 100_000));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int step = 0; step < 200; step++) {
            alone.sum(gradient);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int step = 0; step < 200; step++) {
            alone.sum(gradient);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // A step's buffers are 400 kB and more; what a step may allocate besides is the JVM's own trifles.
        assertTrue(allocated < 200 * 64, scheme + ": " + allocated + " bytes in 200 steps");
    }
}
