package org.scalelab.engine.parallel.mpj;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.comm.BlockedAdd;
import org.scalelab.engine.parallel.comm.CollectiveTimes;
import org.scalelab.engine.parallel.comm.CommunicationAbortedException;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.PointToPoint;
import org.scalelab.engine.parallel.comm.RingAllreduce;
import org.scalelab.engine.parallel.comm.SharedGradients;
import org.scalelab.engine.parallel.comm.SharedMemoryRingLink;

/**
 * A {@link Communicator} over an MPJ Express intra-communicator (niodev or smpdev alike), and its
 * {@link PointToPoint} messages (MPJ's {@code Send} and {@code Recv}, from a given rank or {@code ANY_SOURCE}).
 *
 * <p>MPJ moves Java arrays only, so data passes through float arrays kept between calls; MPJ copies arrays
 * into its own buffers anyway, and the extra bulk copy costs little beside that. The ring allreduce is
 * {@link RingAllreduce} over {@code Sendrecv}, or, for ring-shm, over {@link SharedMemoryRingLink}; with ring-shm a
 * rank's gradients can also live in shared memory ({@link #gradientBuffer}), and an allreduce of them sums them in
 * place ({@link SharedGradients}), the ring's barrier its meetings. A blocking
 * MPJ call does not say whether it waited for a late peer or for the wire, so all time inside collectives
 * counts as communicating, except barriers, which count as waiting (see {@link Communicator} for how callers
 * get the split), and a receive's wait for its message to arrive.
 */
public final class MpjCommunicator implements Communicator, PointToPoint {
    private static final int RING_TAG = 17;
    private static final int MESSAGE_TAG = 19;

    private final Intracomm comm;
    private final int rank;
    private final int size;
    private final AllreduceAlgorithm allreduce;
    private final RingAllreduce ring;
    /** This rank's and its peers' gradients in shared memory (ring-shm), else null. */
    private final SharedGradients sharedGradients;
    private final CollectiveTimes times = new CollectiveTimes(false);
    private final BlockedAdd blocks = new BlockedAdd();
    private float[] outgoing = new float[0];
    private float[] incoming = new float[0];
    private FloatBuffer incomingView = FloatBuffer.wrap(incoming);
    private byte[] outgoingBytes = new byte[0];
    private byte[] incomingBytes = new byte[0];

    /** @param outboxes where the shared-memory ring's outboxes are; needed by {@link AllreduceAlgorithm#RING_SHM} only */
    public MpjCommunicator(Intracomm comm, AllreduceAlgorithm allreduce, Optional<Path> outboxes) throws MPIException {
        this.comm = comm;
        this.allreduce = allreduce;
        this.rank = comm.Rank();
        this.size = comm.Size();
        Optional<Path> sharedMemory = allreduce == AllreduceAlgorithm.RING_SHM ? Optional.of(outboxes.orElseThrow(() ->
                new IllegalArgumentException("the " + allreduce + " allreduce needs the directory of its outboxes")))
                : Optional.empty();
        this.ring = new RingAllreduce(rank, size, sharedMemory.<RingAllreduce.Link>map(
                directory -> new SharedMemoryRingLink(directory, rank, size)).orElse(this::exchange));
        this.sharedGradients = sharedMemory.map(directory -> new SharedGradients(directory, rank, size)).orElse(null);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void allreduceSum(FloatBuffer data) {
        long start = System.nanoTime();
        if (sharedGradients != null && sharedGradients.holds(data)) {
            sharedGradients.allreduceSum(data, ring::barrier);
        } else if (allreduce != AllreduceAlgorithm.BUILTIN) {
            ring.sum(data);
        } else {
            int count = data.remaining();
            ensureScratch(count);
            data.get(data.position(), outgoing, 0, count);
            call(() -> comm.Allreduce(outgoing, 0, incoming, 0, count, MPI.FLOAT, MPI.SUM));
            data.put(data.position(), incoming, 0, count);
        }
        times.record(System.nanoTime() - start, 0);
    }

    /** With ring-shm and other ranks, in shared memory; otherwise none. */
    @Override
    public Optional<FloatBuffer> gradientBuffer(int floats) {
        return sharedGradients != null && size > 1 ? Optional.of(sharedGradients.allocate(floats)) : Optional.empty();
    }

    @Override
    public void broadcast(FloatBuffer data, int root) {
        long start = System.nanoTime();
        int count = data.remaining();
        ensureScratch(count);
        if (rank == root) {
            data.get(data.position(), outgoing, 0, count);
        }
        call(() -> comm.Bcast(outgoing, 0, count, MPI.FLOAT, root));
        if (rank != root) {
            data.put(data.position(), outgoing, 0, count);
        }
        times.record(System.nanoTime() - start, 0);
    }

    @Override
    public void gather(FloatBuffer send, FloatBuffer receive, int root) {
        long start = System.nanoTime();
        int count = send.remaining();
        ensureScratch(count * size);
        send.get(send.position(), outgoing, 0, count);
        call(() -> comm.Gather(outgoing, 0, count, MPI.FLOAT, incoming, 0, count, MPI.FLOAT, root));
        if (rank == root) {
            receive.put(receive.position(), incoming, 0, count * size);
        }
        times.record(System.nanoTime() - start, 0);
    }

    /** MPJ's own Allgather, whatever the allreduce algorithm: compressed gradients are gathered, not summed. */
    @Override
    public void allgather(ByteBuffer send, ByteBuffer receive) {
        long start = System.nanoTime();
        int count = send.remaining();
        ensureByteScratch(count);
        send.get(send.position(), outgoingBytes, 0, count);
        call(() -> comm.Allgather(outgoingBytes, 0, count, MPI.BYTE, incomingBytes, 0, count, MPI.BYTE));
        receive.put(receive.position(), incomingBytes, 0, count * size);
        times.record(System.nanoTime() - start, 0);
    }

    @Override
    public void broadcast(ByteBuffer data, int root) {
        long start = System.nanoTime();
        int count = data.remaining();
        ensureByteScratch(count);
        if (rank == root) {
            data.get(data.position(), outgoingBytes, 0, count);
        }
        call(() -> comm.Bcast(outgoingBytes, 0, count, MPI.BYTE, root));
        if (rank != root) {
            data.put(data.position(), outgoingBytes, 0, count);
        }
        times.record(System.nanoTime() - start, 0);
    }

    @Override
    public void send(FloatBuffer data, int destination) {
        long start = System.nanoTime();
        int count = data.remaining();
        ensureScratch(count);
        data.get(data.position(), outgoing, 0, count);
        call(() -> comm.Send(outgoing, 0, count, MPI.FLOAT, destination, MESSAGE_TAG));
        times.record(System.nanoTime() - start, 0);
    }

    /** Probes first, so that the wait for the sender tells apart from the transfer (a pipeline's bubble is idle). */
    @Override
    public void receive(FloatBuffer data, int source) {
        long start = System.nanoTime();
        int count = data.remaining();
        ensureScratch(count);
        call(() -> comm.Probe(source, MESSAGE_TAG));
        long arrived = System.nanoTime();
        call(() -> comm.Recv(incoming, 0, count, MPI.FLOAT, source, MESSAGE_TAG));
        data.put(data.position(), incoming, 0, count);
        times.record(System.nanoTime() - arrived, arrived - start);
    }

    @Override
    public void barrier() {
        long start = System.nanoTime();
        if (allreduce == AllreduceAlgorithm.RING_SHM) {
            // Through shared memory like the allreduce it usually precedes: cheaper than a round of niodev messages.
            ring.barrier();
        } else {
            call(comm::Barrier);
        }
        times.record(0, System.nanoTime() - start);
    }

    @Override
    public CollectiveTimes times() {
        return times;
    }

    /** Straight from the buffer's array when it has one (MPJ sends Java arrays), else through the scratch bytes. */
    @Override
    public void send(ByteBuffer data, int destination, int tag) {
        int count = data.remaining();
        if (data.hasArray()) {
            int offset = data.arrayOffset() + data.position();
            call(() -> comm.Send(data.array(), offset, count, MPI.BYTE, destination, tag));
        } else {
            ensureByteScratch(count);
            data.get(data.position(), outgoingBytes, 0, count);
            call(() -> comm.Send(outgoingBytes, 0, count, MPI.BYTE, destination, tag));
        }
    }

    @Override
    public void receive(ByteBuffer data, int source, int tag) {
        receiveFrom(data, source, tag);
    }

    @Override
    public int receiveFromAny(ByteBuffer data, int tag) {
        return receiveFrom(data, MPI.ANY_SOURCE, tag);
    }

    private int receiveFrom(ByteBuffer data, int source, int tag) {
        int count = data.remaining();
        Status[] status = new Status[1];
        if (data.hasArray()) {
            int offset = data.arrayOffset() + data.position();
            call(() -> status[0] = comm.Recv(data.array(), offset, count, MPI.BYTE, source, tag));
        } else {
            ensureByteScratch(count);
            call(() -> status[0] = comm.Recv(incomingBytes, 0, count, MPI.BYTE, source, tag));
            data.put(data.position(), incomingBytes, 0, count);
        }
        return status[0].source;
    }

    /** The ring's link over MPJ: through the scratch arrays, since MPJ sends Java arrays only. */
    private void exchange(FloatBuffer data, int send, int sendCount, int receive, int receiveCount, boolean add) {
        ensureScratch(Math.max(sendCount, receiveCount));
        data.get(send, outgoing, 0, sendCount);
        call(() -> comm.Sendrecv(outgoing, 0, sendCount, MPI.FLOAT, (rank + 1) % size, RING_TAG,
                incoming, 0, receiveCount, MPI.FLOAT, (rank + size - 1) % size, RING_TAG));
        blocks.into(data, receive, incomingView, 0, receiveCount, add);
    }

    private void ensureByteScratch(int count) {
        if (outgoingBytes.length < count) {
            outgoingBytes = new byte[count];
            incomingBytes = new byte[count * size];
        }
    }

    private void ensureScratch(int length) {
        if (outgoing.length < length) {
            outgoing = new float[length];
            incoming = new float[length];
            incomingView = FloatBuffer.wrap(incoming);
        }
    }

    @FunctionalInterface
    private interface MpjCall {
        void run() throws MPIException;
    }

    /** MPJ's checked exception means the collective is lost: the job is ending (a peer died or we were interrupted). */
    private static void call(MpjCall call) {
        try {
            call.run();
        } catch (MPIException e) {
            throw new CommunicationAbortedException("MPJ Express: " + e.getMessage());
        }
    }
}
