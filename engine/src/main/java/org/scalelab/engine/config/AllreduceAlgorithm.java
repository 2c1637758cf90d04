package org.scalelab.engine.config;

/** How a message-passing communicator sums across ranks. Threads of one JVM have one way only. */
public enum AllreduceAlgorithm {
    /**
     * MPJ Express's own Allreduce: a reduce onto one rank, then a broadcast from it. That rank receives and
     * sends the whole buffer once per peer, so the time grows with the rank count.
     */
    BUILTIN,
    /**
     * Reduce-scatter then all-gather around a ring of point-to-point exchanges: every rank sends and
     * receives 2·(P−1)/P of the buffer whatever the rank count P (bandwidth-optimal).
     */
    RING,
    /**
     * Through this machine's shared memory, as MPI libraries sum between ranks on one host: the ranks' gradients live
     * there and each rank adds its slice of all of them in place ({@code parallel.comm.SharedGradients}), meeting round
     * a ring of shared-memory outboxes ({@code parallel.comm.SharedMemoryRingLink}), which also carries the ring of
     * other buffers. Every rank must run on this machine; MPJ still starts the ranks and carries the other collectives.
     */
    RING_SHM;

    /** The name used on command lines and in rank arguments. */
    public String id() {
        return CommandLineIds.of(this);
    }

    /** The id, also in JSON. */
    @Override
    public String toString() {
        return id();
    }

    public static AllreduceAlgorithm fromId(String id) {
        return CommandLineIds.parse(AllreduceAlgorithm.class, id, "allreduce algorithm");
    }
}
