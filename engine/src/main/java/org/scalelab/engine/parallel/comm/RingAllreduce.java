package org.scalelab.engine.parallel.comm;

import java.nio.FloatBuffer;

/**
 * Bandwidth-optimal allreduce (sum) over point-to-point exchanges around a ring of ranks, in place.
 *
 * <p>The buffer is cut into one chunk per rank ({@link EvenSplit}, so any length works, also fewer elements
 * than ranks). Reduce-scatter: in P−1 steps every rank passes a running partial sum of one chunk to its right
 * neighbour and adds the partial sum arriving from its left into its own copy of the next chunk; afterwards
 * rank r holds the full sum of chunk r+1. All-gather: in P−1 more steps the finished chunks travel once around
 * the ring. Each rank sends and receives 2·(P−1)/P of the buffer, against P−1 whole buffers for the reducing
 * rank of a reduce-then-broadcast.
 *
 * <p>Partial sums are kept in the data buffer itself (a rank's own contribution to a chunk is needed only in the
 * step that adds it), so the ring copies nothing beyond what its link moves. Every chunk's sum is formed once,
 * on one rank, in a fixed order (ring order starting at the chunk's own rank), then copied to all: every rank
 * ends with bit-identical values, and a rerun gives the same ones.
 */
public final class RingAllreduce {
    private static final FloatBuffer NOTHING = FloatBuffer.allocate(0);

    /** The transport: one simultaneous send to the right neighbour and receive from the left one. */
    @FunctionalInterface
    public interface Link {
        /**
         * Sends {@code data[send, send + sendCount)} to rank+1 while receiving {@code receiveCount} floats from
         * rank−1 into {@code data[receive, receive + receiveCount)}: added to what is there, or, with {@code add}
         * false, in its place. The two ranges do not overlap.
         */
        void exchange(FloatBuffer data, int send, int sendCount, int receive, int receiveCount, boolean add);
    }

    private final int rank;
    private final int size;
    private final Link link;

    public RingAllreduce(int rank, int size, Link link) {
        this.rank = rank;
        this.size = size;
        this.link = link;
    }

    public void sum(FloatBuffer data) {
        int base = data.position();
        EvenSplit chunks = new EvenSplit(data.remaining(), size);
        for (int step = 0; step < size - 1; step++) {
            exchange(data, base, chunks, ringIndex(rank - step), ringIndex(rank - step - 1), true);
        }
        for (int step = 0; step < size - 1; step++) {
            exchange(data, base, chunks, ringIndex(rank + 1 - step), ringIndex(rank - step), false);
        }
    }

    /**
     * Returns once every rank has called it: P−1 empty messages go round, and a rank sends each only after the
     * previous one arrived from its left, so the last one to arrive vouches for every rank having come.
     */
    public void barrier() {
        for (int step = 0; step < size - 1; step++) {
            link.exchange(NOTHING, 0, 0, 0, 0, false);
        }
    }

    private void exchange(FloatBuffer data, int base, EvenSplit chunks, int sending, int receiving, boolean add) {
        link.exchange(data, base + chunks.start(sending), chunks.size(sending), base + chunks.start(receiving),
                chunks.size(receiving), add);
    }

    private int ringIndex(int index) {
        return Math.floorMod(index, size);
    }
}
