package org.scalelab.engine.parallel.comm;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.Phaser;

/**
 * T threads of this JVM acting as the ranks of one job: where they publish their buffers and meet.
 * {@link #communicator} hands each rank its {@link Communicator}.
 *
 * <p>A collective is two meetings: once every rank has published its buffer, each rank works on its own slice
 * of the elements across all ranks' buffers (reading and writing directly, no locks, no shared accumulator),
 * and after the second meeting every buffer holds the result. The meetings use a {@link Phaser}, which is
 * lock-free (compare-and-set on one state word, a short spin, then parking) and guarantees that what a thread
 * wrote before arriving is visible to every thread after the phase advances.
 */
public final class SharedMemoryGroup {
    private final int size;
    private final Phaser meetings;
    private final FloatBuffer[] published;
    private final ByteBuffer[] publishedBytes;
    private volatile FloatBuffer gatherTarget;

    public SharedMemoryGroup(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a group needs at least one rank, got " + size);
        }
        this.size = size;
        this.meetings = new Phaser(size);
        this.published = new FloatBuffer[size];
        this.publishedBytes = new ByteBuffer[size];
    }

    public int size() {
        return size;
    }

    /** Rank {@code rank}'s communicator; call once per rank, from any thread, and use it on that rank's thread. */
    public Communicator communicator(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " outside 0.." + (size - 1));
        }
        return new SharedMemoryCommunicator(this, rank);
    }

    /** Releases every rank blocked in a collective, now and later, with a {@link CommunicationAbortedException}. */
    public void abort() {
        meetings.forceTermination();
    }

    /** Publishes this rank's buffer for the collective that starts, then waits until every rank has. */
    void arrive(int rank, FloatBuffer buffer) {
        published[rank] = buffer;
        await();
    }

    /** Publishes this rank's bytes for the allgather that starts, then waits until every rank has. */
    void arrive(int rank, ByteBuffer bytes) {
        publishedBytes[rank] = bytes;
        await();
    }

    ByteBuffer publishedBytes(int rank) {
        return publishedBytes[rank];
    }

    /** Sets the root's receive buffer of a gather; the root calls it before {@link #arrive}. */
    void publishGatherTarget(FloatBuffer target) {
        gatherTarget = target;
    }

    FloatBuffer gatherTarget() {
        return gatherTarget;
    }

    FloatBuffer published(int rank) {
        return published[rank];
    }

    /**
     * The element count every rank published. A mismatch is a programming error; every rank sees the same
     * buffers, so every rank throws, and none is left waiting.
     */
    int commonLength() {
        int length = published[0].remaining();
        for (int rank = 1; rank < size; rank++) {
            if (published[rank].remaining() != length) {
                throw new IllegalArgumentException("ranks passed different lengths to a collective: rank 0 "
                        + length + ", rank " + rank + " " + published[rank].remaining());
            }
        }
        return length;
    }

    void await() {
        try {
            if (meetings.awaitAdvanceInterruptibly(meetings.arrive()) < 0) {
                throw new CommunicationAbortedException("another rank of the thread group failed or was cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommunicationAbortedException("interrupted while waiting for the other ranks");
        }
    }
}
