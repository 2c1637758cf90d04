package org.scalelab.engine.predict;

/**
 * The links between a job's ranks: those on one host talk over {@code local} (the calibrated transport), those on
 * different hosts over {@code network}, or {@code networkBothWays} where every link carries data both ways at once
 * (a ring's steps). Ranks fill one host's slots before the next, as a host file places them.
 */
public record Fabric(LinkCost local, LinkCost network, LinkCost networkBothWays, int hosts, int ranksPerHost) {

    /** A network as fast both ways at once as one way. */
    public Fabric(LinkCost local, LinkCost network, int hosts, int ranksPerHost) {
        this(local, network, network, hosts, ranksPerHost);
    }

    /** All ranks on this machine. */
    public static Fabric singleHost(LinkCost local, int ranks) {
        return new Fabric(local, local, 1, ranks);
    }
}
