package org.scalelab.engine.model.kernels;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Walks several flat FLOAT arrays of ND4J's native memory together, a chunk at a time: the chunk of each is copied
 * into a {@code float[]}, one Java loop updates them all, and the arrays it changed are copied back. An element-wise
 * rule that needs several operations (an optimiser's step) then passes over memory once, where a sequence of ND4J
 * ops passes once per operation and pays each op's fixed cost: Adam as twelve ND4J passes took 7.7–9.1 ms a step for
 * {@code cnn-1m}'s 1,070,794 parameters, in one pass 2.1–2.8 (docs/PERFORMANCE.md).
 *
 * <p>FLOAT only, and the arithmetic in float: the rule's loop and the bulk copies are then vectorised. Arithmetic in
 * double would need widening and narrowing copies, which Java 17's compiler does not vectorise (they made momentum
 * five times slower than three ND4J passes). Training runs in FLOAT; DOUBLE networks only serve gradient checks,
 * which take no step. An instance holds the chunks, so it is not thread-safe: each user owns one.
 */
public final class BufferChunks {
    /** Elements per chunk: four arrays' chunks, 16 KiB, stay in L1. */
    static final int CHUNK = 1024;

    /** What to do with one chunk of every array, {@code chunks[a][0..count)} holding array {@code a}'s elements. */
    @FunctionalInterface
    public interface Rule {
        void apply(float[][] chunks, int count);
    }

    private final float[][] chunks;
    /** Each array's memory, from the start of its root buffer (a view's NIO buffer starts there), and its offset. */
    private final FloatBuffer[] memory;
    private final int[] offsets;

    /** @param arrays how many arrays each {@link #update} walks */
    public BufferChunks(int arrays) {
        this.chunks = new float[arrays][CHUNK];
        this.memory = new FloatBuffer[arrays];
        this.offsets = new int[arrays];
    }

    /**
     * Applies {@code rule} to every chunk of {@code arrays} (FLOAT, all of one length, contiguous), and writes back the
     * first {@code changed} of them.
     */
    public void update(INDArray[] arrays, int changed, Rule rule) {
        if (arrays.length != chunks.length || changed > arrays.length) {
            throw new IllegalArgumentException("walks " + chunks.length + " arrays, got " + arrays.length
                    + " of which " + changed + " change");
        }
        if (arrays[0].dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("an update walks FLOAT arrays, got " + arrays[0].dataType());
        }
        for (int a = 0; a < arrays.length; a++) {
            // One type, length and layout for all: the first array's.
            Layouts.checkCompatible(arrays[0], arrays[a]);
            memory[a] = arrays[a].data().asNioFloat();
            offsets[a] = Math.toIntExact(arrays[a].offset());
        }
        int length = Math.toIntExact(arrays[0].length());
        for (int start = 0; start < length; start += CHUNK) {
            int count = Math.min(CHUNK, length - start);
            for (int a = 0; a < arrays.length; a++) {
                memory[a].get(offsets[a] + start, chunks[a], 0, count);
            }
            rule.apply(chunks, count);
            for (int a = 0; a < changed; a++) {
                memory[a].put(offsets[a] + start, chunks[a], 0, count);
            }
        }
    }
}
