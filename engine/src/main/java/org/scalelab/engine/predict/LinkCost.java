package org.scalelab.engine.predict;

/**
 * Hockney's cost of one transport: sending a message of n bytes takes {@code α + n·β} and what a calibrated
 * transport's sweep measured beyond that line at its size ({@link MessageExcess}), and adding a received float into a
 * buffer takes {@code γ}.
 *
 * @param latencySeconds         α, per message
 * @param secondsPerByte         β, the inverse of the bandwidth
 * @param secondsPerReducedFloat γ, per float summed
 * @param excess                 beyond the line, by message size; none for a preset (and in a calibration saved
 *                               before it was measured)
 */
public record LinkCost(double latencySeconds, double secondsPerByte, double secondsPerReducedFloat, MessageExcess excess) {

    public LinkCost {
        excess = excess == null ? MessageExcess.NONE : excess;
    }

    /** A line: no excess. */
    public LinkCost(double latencySeconds, double secondsPerByte, double secondsPerReducedFloat) {
        this(latencySeconds, secondsPerByte, secondsPerReducedFloat, MessageExcess.NONE);
    }

    /** One message of {@code floats} floats. */
    public double send(double floats) {
        return latencySeconds + Float.BYTES * floats * secondsPerByte + excess.seconds(floats);
    }

    /** Summing {@code floats} received floats into a buffer. */
    public double reduce(double floats) {
        return floats * secondsPerReducedFloat;
    }

    /** A link given by its latency and bandwidth, with this machine's reduction cost {@code gamma}. */
    public static LinkCost of(double latencyMicros, double bandwidthGbitPerSecond, double gamma) {
        return new LinkCost(latencyMicros * 1e-6, 8 / (bandwidthGbitPerSecond * 1e9), gamma);
    }

    /** The same link with another reduction cost. */
    public LinkCost withReduction(double gamma) {
        return new LinkCost(latencySeconds, secondsPerByte, gamma, excess);
    }

    /**
     * A message through this link and then {@code next}: latencies and per-byte costs add, a line, and this link's
     * excess; the reduction stays this link's (a calibrated local transport counts its summing in β).
     */
    public LinkCost followedBy(LinkCost next) {
        return new LinkCost(latencySeconds + next.latencySeconds, secondsPerByte + next.secondsPerByte, secondsPerReducedFloat,
                excess);
    }

    /** This link's line alone, without what its sweep measured beyond it. */
    public LinkCost line() {
        return new LinkCost(latencySeconds, secondsPerByte, secondsPerReducedFloat);
    }

    /**
     * This transport on a host whose cores are shared {@code factor} times over: every part of it is the
     * processors' work (loopback TCP's copies, MPJ's progress threads, the summing), so it is time-shared like
     * compute. A wire is not: its NIC does not wait for a core.
     */
    public LinkCost timeShared(double factor) {
        return new LinkCost(latencySeconds * factor, secondsPerByte * factor, secondsPerReducedFloat * factor,
                excess.scaled(factor));
    }

    /** Bandwidth in Gbit/s, for tables. */
    public double bandwidthGbitPerSecond() {
        return 8 / secondsPerByte / 1e9;
    }
}
