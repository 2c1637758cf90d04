package org.scalelab.engine.parallel.comm;

import java.nio.FloatBuffer;

/**
 * Adds (or copies) a run of floats from one buffer into another, in blocks small enough to stay in the cache:
 * bulk copies out of and into the (usually off-heap) buffers, and a plain array loop between them that the JIT
 * vectorises. One per thread: the blocks are scratch.
 */
public final class BlockedAdd {
    private static final int BLOCK = 4096;

    private final float[] sum = new float[BLOCK];
    private final float[] addend = new float[BLOCK];

    /** {@code target[at + i] += source[from + i]} for {@code i < count}, or {@code =} when {@code add} is false. */
    public void into(FloatBuffer target, int at, FloatBuffer source, int from, int count, boolean add) {
        if (!add) {
            target.put(at, source, from, count);
            return;
        }
        for (int done = 0; done < count; done += BLOCK) {
            int length = Math.min(BLOCK, count - done);
            target.get(at + done, sum, 0, length);
            source.get(from + done, addend, 0, length);
            for (int i = 0; i < length; i++) {
                sum[i] += addend[i];
            }
            target.put(at + done, sum, 0, length);
        }
    }
}
