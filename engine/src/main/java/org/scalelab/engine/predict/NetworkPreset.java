package org.scalelab.engine.predict;

/**
 * Networks between hosts, by name on the command line. {@link #LOOPBACK} is this machine's own measured transport;
 * the others take α and β from the figures in {@code docs/SCALING-MODEL.md} (bandwidth: the line rate less
 * TCP/IP framing, or InfiniBand's encoding; latency: a small-message one-way MPI time), to be replaced by
 * {@code --latency-us} and {@code --bandwidth-gbps} where a network has been measured.
 */
public enum NetworkPreset {
    LOOPBACK(Double.NaN, Double.NaN),
    ETH_1G(50, 0.941),
    ETH_10G(15, 9.41),
    ETH_25G(10, 23.5),
    IB_100G(1.2, 97);

    private final double latencyMicros;
    private final double bandwidthGbps;

    NetworkPreset(double latencyMicros, double bandwidthGbps) {
        this.latencyMicros = latencyMicros;
        this.bandwidthGbps = bandwidthGbps;
    }

    /** This network's link, with this machine's reduction cost; null for loopback (the calibrated transport). */
    public LinkCost link(double gamma) {
        return this == LOOPBACK ? null : LinkCost.of(latencyMicros, bandwidthGbps, gamma);
    }

    /** loopback, 1gbe, 10gbe, 25gbe, 100gb-ib. */
    public String id() {
        return switch (this) {
            case LOOPBACK -> "loopback";
            case ETH_1G -> "1gbe";
            case ETH_10G -> "10gbe";
            case ETH_25G -> "25gbe";
            case IB_100G -> "100gb-ib";
        };
    }

    @Override
    public String toString() {
        return id();
    }

    public static NetworkPreset fromId(String id) {
        for (NetworkPreset preset : values()) {
            if (preset.id().equals(id)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown network '" + id + "': expected loopback, 1gbe, 10gbe, 25gbe or 100gb-ib");
    }
}
