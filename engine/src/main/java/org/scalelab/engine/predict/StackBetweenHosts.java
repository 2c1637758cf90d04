package org.scalelab.engine.predict;

import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.bench.AllreduceTiming;

/**
 * What a message between two hosts costs on the hosts, beyond the wire: MPJ's own work (its progress threads, the
 * JVM's and the kernel's copies) as measured across the link itself rather than over loopback. niodev's ring between
 * one rank on each of two hosts is timed at several sizes ({@link #SWEEP_FLOATS}); a 2-rank ring sends each rank's
 * half both ways at once, twice, and sums it once, so each size gives one message's time, and less the wire's line
 * (both directions busy) what the hosts added.
 *
 * <p>Why not MPJ as calibrated over loopback: across an emulated link that sends no faster than 1 Gbit/s, MPJ's ring
 * took 1.44–1.56 times as long as plain Java connections exchanging the same bytes, where loopback put MPJ's work at
 * a sixth of that (docs/SCALING-MODEL.md, "The links' token bucket, and a wire"): MPJ polls its non-blocking sockets
 * while a message trickles in, and on a host's one core that takes the cycles the TCP stack needs.
 *
 * <p>The result is a {@link LinkCost} whose latency is the smallest message's cost and whose excess holds each
 * measured size's cost beyond it, so a message of another size is interpolated between the sizes measured (the
 * largest's per float above them), as {@link MessageExcess} does for the local transports. It was measured with a
 * core for each rank; the model time-shares it like the other host work where a host's cores are fewer than its
 * busy threads.
 */
public final class StackBetweenHosts {
    /**
     * The allreduce sizes of the sweep, floats: ring messages of 2 KB to 4 MB, closest between 128 KB and 1 MB, where a
     * message outgrows niodev's socket buffers and the cost on the hosts climbs steeply (across an emulated 1 Gbit/s
     * link, 256 KB messages took the wire's time and 1 MB ones half as long again).
     */
    public static final List<Integer> SWEEP_FLOATS = List.of(1_024, 16_384, 65_536, 131_072, 196_608, 262_144, 393_216,
            524_288, 1_048_576, 2_097_152);

    private StackBetweenHosts() {
    }

    /**
     * @param sweep        niodev's ring with one rank on each of two hosts, at several sizes
     * @param wireBothWays the link between them, each direction while the other is busy too (a line, no excess)
     * @param gamma        this machine's cost of summing a float, the ring's reduction
     * @throws IllegalArgumentException when the sweep holds no 2-rank timing
     */
    public static LinkCost fromSweep(List<AllreduceTiming> sweep, LinkCost wireBothWays, double gamma) {
        List<MessageExcess.Point> beyondWire = new ArrayList<>();
        for (AllreduceTiming timing : sweep) {
            if (timing.ranks() != 2) {
                continue;
            }
            double message = timing.floats() / 2.0;
            double perMessage = (timing.medianMillis() / 1e3 - message * gamma) / 2;
            // where MPJ's work hides entirely behind the wire (a token bucket that banked), the hosts add nothing
            beyondWire.add(new MessageExcess.Point(message, Math.max(0, perMessage - wireBothWays.line().send(message))));
        }
        if (beyondWire.isEmpty()) {
            throw new IllegalArgumentException("no 2-rank timing in the sweep across the hosts");
        }
        double smallest = new MessageExcess(beyondWire).seconds(0);
        return new LinkCost(smallest, 0, gamma, new MessageExcess(beyondWire.stream()
                .map(p -> new MessageExcess.Point(p.floats(), p.seconds() - smallest)).toList()));
    }
}
