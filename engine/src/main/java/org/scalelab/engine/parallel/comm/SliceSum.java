package org.scalelab.engine.parallel.comm;

import java.nio.FloatBuffer;
import java.util.function.IntFunction;

/**
 * One rank's share of a collective over buffers that every rank can reach, the threads of one JVM or the ranks of one
 * machine through shared memory: each rank works on its own slice of the elements ({@link EvenSplit}), in blocks
 * copied to small arrays: bulk copies out of and into the (usually off-heap) buffers, and a plain array loop in
 * between that the JIT vectorises. A sum adds the ranks' buffers in rank order (rank 0 + rank 1 + …), the order a
 * serial loop over the same buffers would use, so it is bit-identical to a serial run and does not depend on timing.
 * One per thread: the blocks are scratch.
 */
final class SliceSum {
    static final int BLOCK = 4096;

    private final float[] block = new float[BLOCK];
    private final float[] addend = new float[BLOCK];

    /** Calls {@code work} for each block of rank {@code rank}'s slice of {@code length} elements. */
    static void overSlice(int length, int ranks, int rank, BlockWork work) {
        EvenSplit slices = new EvenSplit(length, ranks);
        int end = slices.start(rank + 1);
        for (int from = slices.start(rank); from < end; from += BLOCK) {
            work.apply(from, Math.min(BLOCK, end - from));
        }
    }

    /** What one rank does with one block of its slice. */
    @FunctionalInterface
    interface BlockWork {
        void apply(int from, int length);
    }

    /**
     * Elements {@code [from, from + length)}, at most {@link #BLOCK}, of every rank's buffer: their sum written back into
     * each. {@code buffers} gives a rank's buffer with the collective's first element at its position.
     */
    void sum(IntFunction<FloatBuffer> buffers, int ranks, int from, int length) {
        read(buffers.apply(0), from, block, length);
        for (int peer = 1; peer < ranks; peer++) {
            read(buffers.apply(peer), from, addend, length);
            for (int i = 0; i < length; i++) {
                block[i] += addend[i];
            }
        }
        writeToAll(buffers, ranks, from, length, -1);
    }

    /** The root's elements {@code [from, from + length)} copied into every other rank's buffer. */
    void copy(IntFunction<FloatBuffer> buffers, int ranks, int root, int from, int length) {
        read(buffers.apply(root), from, block, length);
        writeToAll(buffers, ranks, from, length, root);
    }

    /** Absolute bulk reads leave the shared buffer's position alone, so ranks may read it concurrently. */
    private static void read(FloatBuffer buffer, int from, float[] into, int length) {
        buffer.get(buffer.position() + from, into, 0, length);
    }

    private void writeToAll(IntFunction<FloatBuffer> buffers, int ranks, int from, int length, int except) {
        for (int peer = 0; peer < ranks; peer++) {
            if (peer != except) {
                FloatBuffer buffer = buffers.apply(peer);
                buffer.put(buffer.position() + from, block, 0, length);
            }
        }
    }
}
