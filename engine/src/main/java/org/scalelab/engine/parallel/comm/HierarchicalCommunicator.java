package org.scalelab.engine.parallel.comm;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The two-level communicator of a hybrid job: T threads in each of P ranks. A collective first runs among the
 * threads of a rank in shared memory; the rank's thread 0 (its leader) alone then talks to the other ranks,
 * and the result spreads back to the rank's threads. Workers are numbered rank-major:
 * {@code rank() = globalRank·T + localRank}.
 *
 * <p>Time: waiting for this rank's own threads is waiting, as is the leader's wait for other ranks when the
 * global communicator can tell it; the time threads spend while their leader talks to other ranks is
 * communication — for them it is the cost of the network. Like its parts, it separates waiting only when the
 * global communicator does; otherwise callers put a {@link #barrier} before a collective.
 *
 * <p>Broadcast and gather take root 0 only, the one root the trainers use.
 */
public final class HierarchicalCommunicator implements Communicator {
    private final Communicator local;
    private final Communicator global;
    private final CollectiveTimes times;
    private FloatBuffer gatherScratch;
    private ByteBuffer rankBytes = ByteBuffer.allocate(0);

    /**
     * @param local  this thread's communicator among the threads of its rank
     * @param global the rank's communicator among ranks; used by the local leader's thread only
     */
    public HierarchicalCommunicator(Communicator local, Communicator global) {
        this.local = local;
        this.global = global;
        this.times = new CollectiveTimes(global.times().separatesWaiting());
    }

    private boolean leader() {
        return local.rank() == 0;
    }

    @Override
    public int rank() {
        return global.rank() * local.size() + local.rank();
    }

    @Override
    public int size() {
        return global.size() * local.size();
    }

    @Override
    public void allreduceSum(FloatBuffer data) {
        timed(() -> {
            local.allreduceSum(data);
            if (leader()) {
                global.allreduceSum(data);
            }
        }, data);
    }

    @Override
    public void broadcast(FloatBuffer data, int root) {
        requireRootZero(root);
        timed(() -> {
            if (leader()) {
                global.broadcast(data, 0);
            }
        }, data);
    }

    @Override
    public void gather(FloatBuffer send, FloatBuffer receive, int root) {
        requireRootZero(root);
        long start = System.nanoTime();
        long waited = local.times().waitingNanos();
        int rankShare = send.remaining() * local.size();
        if (leader() && (gatherScratch == null || gatherScratch.capacity() < rankShare)) {
            gatherScratch = FloatBuffer.allocate(rankShare);
        }
        FloatBuffer rankBuffer = leader() ? gatherScratch.clear().limit(rankShare) : null;
        local.gather(send, rankBuffer, 0);
        waited = local.times().waitingNanos() - waited;
        if (leader()) {
            long globalWaited = global.times().waitingNanos();
            global.gather(rankBuffer, receive, 0);
            waited += global.times().waitingNanos() - globalWaited;
        }
        times.record(System.nanoTime() - start - waited, waited);
    }

    /**
     * The rank's threads gather their blocks in shared memory, the leader gathers the ranks' (rank-major, so in
     * worker order), and the whole result spreads back to the rank's threads.
     */
    @Override
    public void allgather(ByteBuffer send, ByteBuffer receive) {
        long start = System.nanoTime();
        long localWaited = local.times().waitingNanos();
        long globalWaited = leader() ? global.times().waitingNanos() : 0;
        int rankShare = send.remaining() * local.size();
        if (rankBytes.capacity() < rankShare) {
            rankBytes = ByteBuffer.allocate(rankShare);
        }
        ByteBuffer block = rankBytes.clear().limit(rankShare);
        local.allgather(send, block);
        if (leader()) {
            global.allgather(block, receive);
        }
        long waited = local.times().waitingNanos() - localWaited;
        if (leader()) {
            waited += global.times().waitingNanos() - globalWaited;
        }
        // As in timed: the threads' wait here is for their leader's exchange with other ranks, communication.
        local.broadcast(receive, 0);
        times.record(System.nanoTime() - start - waited, waited);
    }

    @Override
    public void broadcast(ByteBuffer data, int root) {
        requireRootZero(root);
        long start = System.nanoTime();
        if (leader()) {
            global.broadcast(data, 0);
        }
        local.broadcast(data, 0);
        times.record(System.nanoTime() - start, 0);
    }

    @Override
    public void barrier() {
        long start = System.nanoTime();
        local.barrier();
        if (leader()) {
            global.barrier();
        }
        local.barrier();
        times.record(0, System.nanoTime() - start);
    }

    @Override
    public CollectiveTimes times() {
        return times;
    }

    /**
     * Runs the rank-level part of a collective, then copies the leader's {@code data} to the rank's threads.
     * The closing broadcast's wait is for the leader's exchange with other ranks, so it counts as communication.
     */
    private void timed(Runnable rankLevel, FloatBuffer data) {
        long start = System.nanoTime();
        long localWaited = local.times().waitingNanos();
        long globalWaited = leader() ? global.times().waitingNanos() : 0;
        rankLevel.run();
        long waited = local.times().waitingNanos() - localWaited;
        if (leader()) {
            waited += global.times().waitingNanos() - globalWaited;
        }
        local.broadcast(data, 0);
        times.record(System.nanoTime() - start - waited, waited);
    }

    private static void requireRootZero(int root) {
        if (root != 0) {
            throw new IllegalArgumentException("a hierarchical communicator gathers and broadcasts at rank 0 only, got "
                    + root);
        }
    }
}
