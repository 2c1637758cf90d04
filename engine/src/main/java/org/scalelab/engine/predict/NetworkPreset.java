package org.scalelab.engine.predict;

/**
 * Networks between hosts, by name on the command line. {@link #LOOPBACK} is this machine's own measured transport;
 * the others take α (one-way small-message latency) and bandwidth from the public measurements cited beside each
 * and in {@code docs/SCALING-MODEL.md}'s preset table, to be replaced by {@code --latency-us} and
 * {@code --bandwidth-gbps} where a network has been measured.
 */
public enum NetworkPreset {
    LOOPBACK(Double.NaN, Double.NaN),
    // α: NetPIPE between two hosts' Gigabit NICs (RealTek RTL8168B/RTL8169sb), "an average value of 23μs"
    // (NORMA cluster, "Network benchmarks", http://norma.mbg.duth.gr/index.php?id=about:benchmarks:network);
    // bandwidth: netperf TCP_STREAM to a server on a 1 GbE switch, 936.94 Mbit/s (https://pastebin.com/XTfPsVe0).
    ETH_1G(23, 0.937),
    // α: kernel TCP, sockperf ping-pong of 1,500-byte messages between directly connected 10G NICs (Intel X520,
    // Solarflare SFN5122F), 17.8 µs one-way (F-Stack issue 540, https://github.com/F-Stack/f-stack/issues/540),
    // less the 1,500 bytes' own 1.3 µs at 9.41 Gbit/s; bandwidth: 10 Gbit/s less TCP/IP framing (1448/1538).
    ETH_10G(16.5, 9.41),
    // α: kernel TCP's host stack dominates it, not the line: the 10 GbE measurement above (a 1,500-byte frame is
    // 0.7 µs shorter at 25 Gbit/s); no separate 25 GbE measurement was found; bandwidth: 25 Gbit/s less framing.
    ETH_25G(16.5, 23.5),
    // α: osu_latency, 0 bytes, Open MPI over UCX, 0.90 µs, with osu_bw reaching 10.3 GB/s (a 100 Gb/s link)
    // (https://gist.github.com/jfgrimm/3af692a5475bdd4ed836b5a18197a209); bandwidth: EDR's 4 × 25.78125 Gbaud at
    // 64b/66b, the constants UCX itself uses for EDR (https://github.com/openucx/ucx/pull/1865), less headers.
    IB_100G(0.9, 97);

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

    /**
     * This network's link with its figures replaced by those given (measured on the user's own network); null for
     * loopback with none given (the calibrated transport). Given for loopback, a figure not given costs nothing.
     */
    public LinkCost link(double gamma, Double latencyMicros, Double bandwidthGbps) {
        LinkCost link = link(gamma);
        if (link == null && latencyMicros == null && bandwidthGbps == null) {
            return null;
        }
        if (link == null) {
            link = LinkCost.of(0, Double.POSITIVE_INFINITY, gamma);
        }
        return LinkCost.of(latencyMicros != null ? latencyMicros : link.latencySeconds() * 1e6,
                bandwidthGbps != null ? bandwidthGbps : link.bandwidthGbitPerSecond(), gamma);
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
