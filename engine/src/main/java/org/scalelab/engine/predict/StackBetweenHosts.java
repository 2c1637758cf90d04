package org.scalelab.engine.predict;

import java.util.List;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceTiming;

/**
 * What a message between hosts costs on them, beyond the wire: MPJ's own work (its progress threads, the JVM's and the
 * kernel's copies) as measured across the links themselves rather than over loopback. niodev's ring over the hosts,
 * one rank on each, is timed at several sizes ({@link #sweepFloats}); a ring of P ranks sends N/P floats both ways at
 * once in each of its 2(P−1) steps and sums (P−1)·N/P of them, so each size gives one message's time, and less the
 * wire's line (both directions busy) what the hosts added.
 *
 * <p>Why not MPJ as calibrated over loopback: across an emulated link that sends no faster than 1 Gbit/s, MPJ's ring
 * took 1.44–1.56 times as long as plain Java connections exchanging the same bytes, where loopback put MPJ's work at
 * a sixth of that (docs/SCALING-MODEL.md, "The links' token bucket, and a wire"): MPJ polls its non-blocking sockets
 * while a message trickles in, and on a host's one core that takes the cycles the TCP stack needs. Why every host: two
 * of four emulated hosts, a core each, ran the ring at the wire's speed while the four, two to a core, took up to 2.5
 * times it ("MPJ measured across the link").
 *
 * <p>The result is a {@link LinkCost} whose latency is the smallest message's cost and whose excess holds each
 * measured size's cost beyond it, so a message of another size is interpolated between the sizes measured (the
 * largest's per float above them), as {@link MessageExcess} does for the local transports. It holds one rank on each
 * host, its cores shared as they then were; the model time-shares it further only where a configuration keeps a
 * host's cores busier ({@link Scenario#timeSharedBeyondOneRank}).
 */
public final class StackBetweenHosts {
    /**
     * A ring step's message at each size of the sweep, floats: 2 KB to 4 MB, closest between 128 KB and 1 MB, where a
     * message outgrows niodev's socket buffers and what the hosts add climbs steeply (across an emulated 1 Gbit/s wire
     * half-megabyte messages took the wire's time in some jobs and 1.4 times it in others).
     */
    private static final List<Integer> MESSAGE_FLOATS = List.of(512, 8_192, 32_768, 65_536, 98_304, 131_072, 196_608,
            262_144, 524_288, 1_048_576);

    private StackBetweenHosts() {
    }

    /** The allreduce sizes of the sweep over {@code ranks} ranks: {@link #MESSAGE_FLOATS} a step each. */
    public static List<Integer> sweepFloats(int ranks) {
        return MESSAGE_FLOATS.stream().map(message -> message * ranks).toList();
    }

    /**
     * @param sweep        niodev's ring with one rank on each host, at several sizes, all with the same ranks
     * @param wireBothWays the links between them, each direction while the other is busy too (a line, no excess)
     * @param gamma        this machine's cost of summing a float, the ring's reduction
     * @throws IllegalArgumentException when the sweep is empty or mixes rank counts
     */
    public static LinkCost fromSweep(List<AllreduceTiming> sweep, LinkCost wireBothWays, double gamma) {
        if (sweep.isEmpty() || sweep.stream().mapToInt(AllreduceTiming::ranks).distinct().count() != 1
                || sweep.get(0).ranks() < 2) {
            throw new IllegalArgumentException("expected a sweep across the hosts with one rank count of 2 or more, got " + sweep);
        }
        LinkCost wire = wireBothWays.line();
        // each message's time beyond the wire, as the calibration takes the local transports' beyond their lines; where
        // MPJ's work hides entirely behind the wire (a token bucket that banked), the hosts add nothing
        List<MessageExcess.Point> beyondWire = TransportFit.excess(Transport.NIODEV_RING, sweep,
                new LinkCost(wire.latencySeconds(), wire.secondsPerByte(), gamma)).points().stream()
                .map(p -> new MessageExcess.Point(p.floats(), Math.max(0, p.seconds()))).toList();
        double smallest = beyondWire.get(0).seconds();
        return new LinkCost(smallest, 0, gamma, new MessageExcess(beyondWire.stream()
                .map(p -> new MessageExcess.Point(p.floats(), p.seconds() - smallest)).toList()));
    }
}
