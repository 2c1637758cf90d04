package org.scalelab.engine.parallel.comm;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * One thread's view of a {@link SharedMemoryGroup}. Each rank owns the slice {@link EvenSplit} gives it and,
 * for allreduce, adds that slice across all ranks' buffers in rank order (rank 0 + rank 1 + …), the order a
 * serial loop over the same buffers would use, so sums are bit-identical to a serial run and do not depend
 * on thread timing. Work proceeds in blocks copied to small per-rank arrays: bulk copies out of and into
 * the (usually off-heap) buffers, and a plain array loop in between that the JIT vectorises.
 *
 * <p>The wait for the last rank to arrive counts as waiting; the rest, including the closing meeting,
 * counts as communicating.
 */
final class SharedMemoryCommunicator implements Communicator {
    private static final int BLOCK = 4096;

    /** What one rank does with one block of its slice, between the two meetings of a collective. */
    @FunctionalInterface
    private interface BlockWork {
        void apply(int from, int length);
    }

    private final SharedMemoryGroup group;
    private final int rank;
    private final CollectiveTimes times = new CollectiveTimes(true);
    private final float[] block = new float[BLOCK];
    private final float[] addend = new float[BLOCK];

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
        overMySlice(data, (from, length) -> {
            read(0, from, block, length);
            for (int peer = 1; peer < size(); peer++) {
                read(peer, from, addend, length);
                for (int i = 0; i < length; i++) {
                    block[i] += addend[i];
                }
            }
            writeToAll(from, length, -1);
        });
    }

    @Override
    public void broadcast(FloatBuffer data, int root) {
        checkRoot(root);
        overMySlice(data, (from, length) -> {
            read(root, from, block, length);
            writeToAll(from, length, root);
        });
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

    private void overMySlice(FloatBuffer data, BlockWork work) {
        long start = System.nanoTime();
        group.arrive(rank, data);
        long arrived = System.nanoTime();
        EvenSplit slices = new EvenSplit(group.commonLength(), size());
        int end = slices.start(rank + 1);
        for (int from = slices.start(rank); from < end; from += BLOCK) {
            work.apply(from, Math.min(BLOCK, end - from));
        }
        group.await();
        times.record(System.nanoTime() - arrived, arrived - start);
    }

    /** Absolute bulk reads leave the shared buffer's position alone, so ranks may read it concurrently. */
    private void read(int peer, int from, float[] into, int length) {
        FloatBuffer buffer = group.published(peer);
        buffer.get(buffer.position() + from, into, 0, length);
    }

    private void writeToAll(int from, int length, int except) {
        for (int peer = 0; peer < size(); peer++) {
            if (peer != except) {
                FloatBuffer buffer = group.published(peer);
                buffer.put(buffer.position() + from, block, 0, length);
            }
        }
    }

    private void checkRoot(int root) {
        if (root < 0 || root >= size()) {
            throw new IllegalArgumentException("root " + root + " outside 0.." + (size() - 1));
        }
    }
}
