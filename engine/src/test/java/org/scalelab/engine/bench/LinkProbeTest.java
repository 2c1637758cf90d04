package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A real TCP server on 127.0.0.1; only that the numbers are measured and sane, never how fast loopback is. */
class LinkProbeTest {

    @Test
    void aProbeOverLoopbackMeasuresAPositiveFiniteLatencyAndBandwidth() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ServerSocket server = LinkProbe.listen(InetAddress.getLoopbackAddress())) {
                CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                    try {
                        LinkProbe.serve(server);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                LinkProbe.Result result = LinkProbe.measure(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        server.getLocalPort()), new LinkProbe.Settings(200, 4L << 20));
                served.get();
                assertTrue(result.latencyMicros() > 0 && Double.isFinite(result.latencyMicros()), "latency " + result);
                assertTrue(result.bandwidthGbps() > 0 && Double.isFinite(result.bandwidthGbps()), "bandwidth " + result);
                assertTrue(result.bothWaysGbps() > 0 && Double.isFinite(result.bothWaysGbps()), "both ways " + result);
            }
        });
    }

    /** A stream that ends early is one clear failure, not a hang or a number. */
    @Test
    void aServerWhoseClientLeavesMidStreamFailsSayingSo() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                CompletableFuture<Exception> served = CompletableFuture.supplyAsync(() -> {
                    try {
                        LinkProbe.serve(server);
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                });
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     var out = new java.io.DataOutputStream(client.getOutputStream())) {
                    out.writeLong(0);
                    out.writeLong(1_000);
                    out.write(new byte[10]);
                }
                Exception failure = served.get();
                assertTrue(failure instanceof EOFException, String.valueOf(failure));
                assertEquals("the link probe's stream ended 990 bytes early", failure.getMessage());
            }
        });
    }

    @Test
    void settingsRefuseAProbeThatMeasuresNothing() {
        assertThrows(IllegalArgumentException.class, () -> new LinkProbe.Settings(1, 100));
        assertThrows(IllegalArgumentException.class, () -> new LinkProbe.Settings(100, 0));
    }
}
