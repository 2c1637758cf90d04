package org.scalelab.engine.parallel.comm;

import java.nio.FloatBuffer;

/**
 * Bandwidth-optimal allreduce (sum) over point-to-point exchanges around a ring of ranks, in place.
 *
 * <p>The buffer is cut into one chunk per rank ({@link EvenSplit}, so any length works, also fewer elements
 * than ranks). Reduce-scatter: in P−1 steps every rank passes a running partial sum of one chunk to its right
 * neighbour and adds its own elements to the partial sum arriving from its left; afterwards rank r holds the
 * full sum of chunk r+1. All-gather: in P−1 more steps the finished chunks travel once around the ring.
 * Each rank sends and receives 2·(P−1)/P of the buffer, against P−1 whole buffers for the reducing rank of a
 * reduce-then-broadcast.
 *
 * <p>Every chunk's sum is formed once, on one rank, in a fixed order (ring order starting at the chunk's
 * own rank), then copied to all: every rank ends with bit-identical values, and a rerun gives the same ones.
 * Scratch arrays are kept between calls, so a training loop allocates nothing here after the first step.
 */
public final class RingAllreduce {

    /** The transport: one simultaneous send to the right neighbour and receive from the left one. */
    @FunctionalInterface
    public interface Link {
        /** Sends {@code send[0, sendCount)} to rank+1 while receiving {@code receiveCount} floats from rank−1. */
        void sendRightReceiveLeft(float[] send, int sendCount, float[] receive, int receiveCount);
    }

    private final int rank;
    private final int size;
    private final Link link;
    private float[] outgoing = new float[0];
    private float[] incoming = new float[0];
    private float[] own = new float[0];

    public RingAllreduce(int rank, int size, Link link) {
        this.rank = rank;
        this.size = size;
        this.link = link;
    }

    public void sum(FloatBuffer data) {
        if (size == 1) {
            return;
        }
        int base = data.position();
        EvenSplit chunks = new EvenSplit(data.remaining(), size);
        ensureScratch(chunks.largest());

        int sending = rank;
        data.get(base + chunks.start(sending), outgoing, 0, chunks.size(sending));
        for (int step = 0; step < size - 1; step++) {
            int receiving = ringIndex(rank - step - 1);
            exchange(chunks, sending, receiving);
            int length = chunks.size(receiving);
            data.get(base + chunks.start(receiving), own, 0, length);
            for (int i = 0; i < length; i++) {
                outgoing[i] = incoming[i] + own[i];
            }
            sending = receiving;
        }
        // This rank now holds the finished chunk rank+1, in outgoing: store it, then pass it on.
        data.put(base + chunks.start(sending), outgoing, 0, chunks.size(sending));

        for (int step = 0; step < size - 1; step++) {
            int receiving = ringIndex(rank - step);
            exchange(chunks, sending, receiving);
            data.put(base + chunks.start(receiving), incoming, 0, chunks.size(receiving));
            swapScratch();
            sending = receiving;
        }
    }

    /**
     * Returns once every rank has called it: P−1 empty messages go round, and a rank sends each only after the
     * previous one arrived from its left, so the last one to arrive vouches for every rank having come.
     */
    public void barrier() {
        for (int step = 0; step < size - 1; step++) {
            link.sendRightReceiveLeft(outgoing, 0, incoming, 0);
        }
    }

    private void exchange(EvenSplit chunks, int sending, int receiving) {
        link.sendRightReceiveLeft(outgoing, chunks.size(sending), incoming, chunks.size(receiving));
    }

    /** What was received is what goes out next: swap instead of copying. */
    private void swapScratch() {
        float[] received = incoming;
        incoming = outgoing;
        outgoing = received;
    }

    private int ringIndex(int index) {
        return Math.floorMod(index, size);
    }

    private void ensureScratch(int length) {
        if (outgoing.length < length) {
            outgoing = new float[length];
            incoming = new float[length];
            own = new float[length];
        }
    }
}
