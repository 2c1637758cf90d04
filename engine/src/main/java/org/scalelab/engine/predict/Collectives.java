package org.scalelab.engine.predict;

/**
 * The time of each collective as ScaleLab runs it, from the costs of the links it crosses ({@link LinkCost}): N is
 * the buffer's floats, P the ranks taking part. Where ranks sit on several hosts, a {@link Fabric} says which
 * messages cross the network.
 */
public final class Collectives {
    private Collectives() {
    }

    /** Floats each rank sends in the ring: reduce-scatter then all-gather, P−1 steps of N/P each. */
    public static double ringTrafficFloats(int ranks, double floats) {
        return 2.0 * (ranks - 1) / ranks * floats;
    }

    /** Floats through the master when parameters are gathered to it and the average broadcast back: 2(P−1)·N. */
    public static double masterTrafficFloats(int ranks, double floats) {
        return 2.0 * (ranks - 1) * floats;
    }

    /**
     * {@code parallel.comm.RingAllreduce}: 2(P−1) steps, each sending N/P floats to the next rank, the first P−1
     * adding what arrives. Every step waits for the slowest link of the ring, the network once the ring spans hosts,
     * and each rank sends while it receives, so every link of the ring carries data both ways at once.
     */
    public static double ring(int ranks, double floats, Fabric fabric) {
        if (ranks <= 1) {
            return 0;
        }
        LinkCost link = fabric.hosts() > 1 ? fabric.networkBothWays() : fabric.local();
        double chunk = floats / ranks;
        return 2.0 * (ranks - 1) * link.send(chunk) + (ranks - 1) * link.reduce(chunk);
    }

    /**
     * MPJ Express's built-in Allreduce ({@code mpi.Intracomm.Allreduce}): {@code MST_Reduce} to rank 0 then
     * {@code MST_Bcast} from it, each a minimum spanning tree that halves the rank range per round, so
     * ⌈log₂P⌉ rounds of one whole-buffer message (plus its sum, in the reduce). With ranks placed host by host the
     * first ⌈log₂hosts⌉ halvings split hosts apart, and those rounds cross the network.
     */
    public static double mpjBuiltin(int ranks, double floats, Fabric fabric) {
        int rounds = ceilLog2(ranks);
        int networkRounds = Math.min(rounds, ceilLog2(fabric.hosts()));
        return networkRounds * builtinRound(floats, fabric.network()) + (rounds - networkRounds) * builtinRound(floats, fabric.local());
    }

    /**
     * Parameter averaging through a master ({@code training.ParameterAverage}, viaMaster): every other rank's
     * replica reaches rank 0 one after another, which adds each, then sends the average back to each: 2(P−1)
     * whole-buffer messages through one rank. Those from ranks on other hosts cross the network.
     */
    public static double viaMaster(int ranks, double floats, Fabric fabric) {
        int local = Math.min(ranks, fabric.ranksPerHost()) - 1;
        int remote = ranks - 1 - local;
        return local * masterExchange(floats, fabric.local()) + remote * masterExchange(floats, fabric.network());
    }

    /**
     * {@code parallel.comm.SharedMemoryGroup}: T threads publish their buffers and meet twice; between the
     * meetings each thread adds its 1/T slice of the other T−1 buffers into its own, reading them from memory.
     */
    public static double sharedMemorySum(int threads, double floats, LinkCost memory) {
        return threads <= 1 ? 0 : 2 * memory.latencySeconds() + slicesOfOthers(threads, floats, memory);
    }

    /**
     * {@code parallel.comm.SharedGradients}: P ranks of one machine whose gradients lie in shared memory meet twice, each
     * meeting P−1 exchanges round the shared-memory ring; between the meetings each rank adds its 1/P slice of the other
     * P−1 buffers, as threads do.
     */
    public static double sharedGradientsSum(int ranks, double floats, LinkCost memory) {
        return ranks <= 1 ? 0 : 2 * (ranks - 1) * memory.latencySeconds() + slicesOfOthers(ranks, floats, memory);
    }

    /** Adding one's 1/P slice of the other P−1 buffers, read from memory (their latency is the meetings'). */
    private static double slicesOfOthers(int ranks, double floats, LinkCost memory) {
        double slice = floats / ranks;
        return (ranks - 1) * (memory.send(slice) - memory.latencySeconds() + memory.reduce(slice));
    }

    /** Copying the result from a rank's leader back to its other threads, after the ranks' exchange (hybrid). */
    public static double sharedMemoryCopy(int threads, double floats, LinkCost memory) {
        return threads <= 1 ? 0 : memory.send(floats);
    }

    /**
     * {@code parallel.compress.CompressedAllreduce}: every rank's encoded gradient of {@code bytes} goes to every
     * other (MPJ's Allgather passes blocks around a ring, P−1 steps of one block; threads copy the P−1 others'
     * blocks from memory), then each rank adds the {@code addedFloats} decoded entries of each of the P blocks.
     * Nothing is summed on the way, so the reduction grows with P where the ring's stays below N.
     */
    public static double compressedSum(int ranks, double bytes, double addedFloats, Fabric fabric) {
        if (ranks <= 1) {
            return 0;
        }
        LinkCost link = fabric.hosts() > 1 ? fabric.network() : fabric.local();
        return (ranks - 1) * link.send(bytes / Float.BYTES) + ranks * link.reduce(addedFloats);
    }

    /**
     * Levels below the root of a tree of {@code ranks} numbered breadth first, each node with {@code fanOut}
     * children (node i's are fanOut·i + 1 … fanOut·i + fanOut): 1 for 2 to 5 ranks at fan-out 4, 2 up to 21.
     */
    static int treeLevels(int ranks, int fanOut) {
        int levels = 0;
        for (long last = 0; last < ranks - 1; last = fanOut * last + fanOut) {
            levels++;
        }
        return levels;
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static double builtinRound(double floats, LinkCost link) {
        return 2 * link.send(floats) + link.reduce(floats);
    }

    private static double masterExchange(double floats, LinkCost link) {
        return 2 * link.send(floats) + link.reduce(floats);
    }
}
