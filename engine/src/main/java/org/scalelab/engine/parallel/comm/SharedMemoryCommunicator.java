package org.scalelab.engine.parallel.comm;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * One thread's view of a {@link SharedMemoryGroup}. Each rank owns the slice {@link EvenSplit} gives it and, for
 * allreduce and broadcast, works on that slice across all ranks' buffers ({@link SliceSum}).
 *
 * <p>The wait for the last rank to arrive counts as waiting; the rest, including the closing meeting,
 * counts as communicating.
 */
final class SharedMemoryCommunicator implements Communicator {
    private final SharedMemoryGroup group;
    private final int rank;
    private final CollectiveTimes times = new CollectiveTimes(true);
    private final SliceSum slices = new SliceSum();

    SharedMemoryCommunicator(SharedMemoryGroup group, int rank) {
        this.group = group;
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return group.size();
    }

    @Override
    public void allreduceSum(FloatBuffer data) {
        overMySlice(data, (from, length) -> slices.sum(group::published, size(), from, length));
    }

    @Override
    public void broadcast(FloatBuffer data, int root) {
        checkRoot(root);
        overMySlice(data, (from, length) -> slices.copy(group::published, size(), root, from, length));
    }

    @Override
    public void gather(FloatBuffer send, FloatBuffer receive, int root) {
        checkRoot(root);
        long start = System.nanoTime();
        if (rank == root) {
            group.publishGatherTarget(receive);
        }
        group.arrive(rank, send);
        long arrived = System.nanoTime();
        int count = group.commonLength();
        FloatBuffer target = group.gatherTarget();
        if (target.remaining() < count * size()) {
            throw new IllegalArgumentException("gather needs " + count * size() + " elements at the root, got "
                    + target.remaining());
        }
        target.put(target.position() + rank * count, send, send.position(), count);
        group.await();
        times.record(System.nanoTime() - arrived, arrived - start);
    }

    /** Each rank copies every rank's bytes into its own receive buffer; the closing meeting frees the senders. */
    @Override
    public void allgather(ByteBuffer send, ByteBuffer receive) {
        long start = System.nanoTime();
        group.arrive(rank, send);
        long arrived = System.nanoTime();
        int count = send.remaining();
        if (receive.remaining() < count * size()) {
            throw new IllegalArgumentException("allgather needs " + count * size() + " bytes to receive, got "
                    + receive.remaining());
        }
        for (int peer = 0; peer < size(); peer++) {
            ByteBuffer from = group.publishedBytes(peer);
            if (from.remaining() != count) {
                throw new IllegalArgumentException("ranks passed different lengths to an allgather: rank " + rank
                        + " " + count + ", rank " + peer + " " + from.remaining());
            }
            receive.put(receive.position() + peer * count, from, from.position(), count);
        }
        group.await();
        times.record(System.nanoTime() - arrived, arrived - start);
    }

    @Override
    public void broadcast(ByteBuffer data, int root) {
        checkRoot(root);
        long start = System.nanoTime();
        group.arrive(rank, data);
        long arrived = System.nanoTime();
        ByteBuffer from = group.publishedBytes(root);
        if (from.remaining() != data.remaining()) {
            throw new IllegalArgumentException("ranks passed different lengths to a broadcast: rank " + rank + " "
                    + data.remaining() + ", root " + root + " " + from.remaining());
        }
        if (rank != root) {
            data.put(data.position(), from, from.position(), data.remaining());
        }
        group.await();
        times.record(System.nanoTime() - arrived, arrived - start);
    }

    @Override
    public void barrier() {
        long start = System.nanoTime();
        group.await();
        times.record(0, System.nanoTime() - start);
    }

    @Override
    public CollectiveTimes times() {
        return times;
    }

    /** Between the collective's two meetings, {@code work} on each block of this rank's slice. */
    private void overMySlice(FloatBuffer data, SliceSum.BlockWork work) {
        long start = System.nanoTime();
        group.arrive(rank, data);
        long arrived = System.nanoTime();
        SliceSum.overSlice(group.commonLength(), size(), rank, work);
        group.await();
        times.record(System.nanoTime() - arrived, arrived - start);
    }

    private void checkRoot(int root) {
        if (root < 0 || root >= size()) {
            throw new IllegalArgumentException("root " + root + " outside 0.." + (size() - 1));
        }
    }
}
