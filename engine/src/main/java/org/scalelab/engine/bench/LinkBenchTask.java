package org.scalelab.engine.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.launch.RankTask;

/**
 * Measures the link from rank 0's host to every other rank's with a {@link LinkProbe}, one rank per host:
 * {@code ROUND_TRIPS STREAM_BYTES ADDRESS_OF_RANK_0 ADDRESS_OF_RANK_1 ...}. Every other rank listens on a port of its
 * own (any free one, on its host's address only) and tells rank 0 which; rank 0 measures each in turn and prints one {@link LinkTiming} as a
 * JSON line per host. The job's ranks carry nothing of MPJ over the probe: it is plain TCP, as niodev's is.
 */
public final class LinkBenchTask implements RankTask {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) throws Exception {
        LinkProbe.Settings settings = new LinkProbe.Settings(Integer.parseInt(args.get(0)), Long.parseLong(args.get(1)));
        List<String> addresses = args.subList(2, args.size());
        try (ServerSocket server = LinkProbe.listen(InetAddress.getByName(addresses.get(comm.rank())))) {
            FloatBuffer ports = FloatBuffer.allocate(comm.size());
            // A port (< 2^16) is exact in a float.
            comm.gather(FloatBuffer.wrap(new float[] {comm.rank() == 0 ? 0 : server.getLocalPort()}), ports, 0);
            if (comm.rank() == 0) {
                for (int rank = 1; rank < comm.size(); rank++) {
                    InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName(addresses.get(rank)), (int) ports.get(rank));
                    LinkProbe.Result result = LinkProbe.measure(peer, settings);
                    output.accept(JSON.writeValueAsString(new LinkTiming(addresses.get(0), addresses.get(rank),
                            result.latencyMicros(), result.bandwidthGbps(), result.bothWaysGbps())));
                }
            } else {
                LinkProbe.serve(server);
            }
        }
        comm.barrier();
    }

    static List<String> args(LinkProbe.Settings settings, List<String> addresses) {
        return Stream.concat(Stream.of(String.valueOf(settings.roundTrips()), String.valueOf(settings.streamBytes())),
                addresses.stream()).toList();
    }
}
