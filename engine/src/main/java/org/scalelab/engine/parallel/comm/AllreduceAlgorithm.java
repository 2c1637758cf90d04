package org.scalelab.engine.parallel.comm;

import java.util.Arrays;
import java.util.Locale;

/** How a message-passing communicator sums across ranks. Shared memory has one way only. */
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
    RING;

    /** The name used on command lines and in rank arguments. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AllreduceAlgorithm fromId(String id) {
        for (AllreduceAlgorithm algorithm : values()) {
            if (algorithm.id().equals(id)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown allreduce algorithm '" + id + "'; expected one of "
                + Arrays.stream(values()).map(AllreduceAlgorithm::id).toList());
    }
}
