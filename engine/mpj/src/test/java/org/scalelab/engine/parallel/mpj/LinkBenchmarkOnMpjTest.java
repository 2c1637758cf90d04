package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.LinkBenchmark;
import org.scalelab.engine.bench.LinkProbe;
import org.scalelab.engine.bench.LinkTiming;
import org.scalelab.engine.parallel.launch.HostSlot;

/**
 * The link probe through real niodev ranks, one per "host": three loopback addresses of this machine, so the ranks
 * start here without a remote shell and the probe crosses real sockets between different addresses. Only that every
 * link is measured, from the first host, with sane numbers; never how fast.
 */
class LinkBenchmarkOnMpjTest {

    @Test
    void aRankOnEachHostMeasuresTheLinkFromTheFirstToEachOther() throws Exception {
        List<HostSlot> hosts = List.of(HostSlot.resolve("127.0.0.1", 1), HostSlot.resolve("127.0.0.2", 2),
                HostSlot.resolve("127.0.0.3", 1));
        List<LinkTiming> links = LinkBenchmark.measure(hosts, new LinkProbe.Settings(50, 1 << 20));
        assertEquals(List.of("127.0.0.2", "127.0.0.3"), links.stream().map(LinkTiming::to).toList());
        for (LinkTiming link : links) {
            assertEquals("127.0.0.1", link.from());
            for (double value : new double[] {link.latencyMicros(), link.bandwidthGbps(), link.bothWaysGbps()}) {
                assertTrue(Double.isFinite(value) && value > 0, link.toString());
            }
        }
    }
}
