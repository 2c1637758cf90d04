package org.scalelab.engine.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * Measures a TCP link as MPI benchmarks do, over kernel TCP like niodev's: the one-way latency α as half the
 * median round trip of one-byte messages with Nagle's algorithm off (TCP_NODELAY, so each byte leaves at once),
 * and the bandwidth by streaming a block and waiting for the far side's one-byte acknowledgement (less one round
 * trip, which the acknowledgement adds). One side {@link #serve serves}, the other {@link #measure measures}.
 *
 * <p>Protocol, on one connection: the count of round trips (8 bytes), each a byte echoed; then the streamed length
 * (8 bytes), that many bytes, and one byte back when all have arrived.
 */
public final class LinkProbe {
    private static final int CHUNK = 1 << 16;

    /**
     * @param roundTrips  one-byte round trips, the median taken (the first tenth is JIT warm-up, not timed)
     * @param streamBytes bytes streamed for the bandwidth
     */
    public record Settings(int roundTrips, long streamBytes) {
        public Settings {
            if (roundTrips < 2 || streamBytes < 1) {
                throw new IllegalArgumentException("a link probe needs at least 2 round trips and 1 byte, got "
                        + roundTrips + " and " + streamBytes);
            }
        }

        /** A second or so on 1 Gbit/s: 2,000 round trips and 64 MiB. */
        public static Settings standard() {
            return new Settings(2_000, 64L << 20);
        }
    }

    /** What a link measured: one-way latency and bandwidth. */
    public record Result(double latencyMicros, double bandwidthGbps) {
    }

    private LinkProbe() {
    }

    /** Answers one {@link #measure} on the next connection to {@code server}, then returns. */
    public static void serve(ServerSocket server) throws IOException {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), CHUNK));
            OutputStream out = socket.getOutputStream();
            long roundTrips = in.readLong();
            for (long i = 0; i < roundTrips; i++) {
                out.write(readByte(in));
            }
            long remaining = in.readLong();
            byte[] sink = new byte[CHUNK];
            while (remaining > 0) {
                int read = in.read(sink, 0, (int) Math.min(sink.length, remaining));
                if (read < 0) {
                    throw new EOFException("the link probe's stream ended " + remaining + " bytes early");
                }
                remaining -= read;
            }
            out.write(1);
            out.flush();
        }
    }

    /** Connects to a {@link #serve serving} side at {@code address} and measures the link to it. */
    public static Result measure(InetSocketAddress address, Settings settings) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(address, 10_000);
            InputStream in = socket.getInputStream();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), CHUNK));
            double roundTrip = medianRoundTripSeconds(in, out, settings.roundTrips());
            out.writeLong(settings.streamBytes());
            byte[] block = new byte[CHUNK];
            long start = System.nanoTime();
            for (long sent = 0; sent < settings.streamBytes(); sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, settings.streamBytes() - sent));
            }
            out.flush();
            readByte(in);
            double seconds = Math.max((System.nanoTime() - start) / 1e9 - roundTrip, 1e-9);
            return new Result(roundTrip / 2 * 1e6, 8 * settings.streamBytes() / seconds / 1e9);
        }
    }

    private static double medianRoundTripSeconds(InputStream in, DataOutputStream out, int roundTrips) throws IOException {
        out.writeLong(roundTrips);
        out.flush();
        int warmUp = roundTrips / 10;
        double[] timed = new double[roundTrips - warmUp];
        for (int i = 0; i < roundTrips; i++) {
            long start = System.nanoTime();
            out.write(i);
            out.flush();
            readByte(in);
            if (i >= warmUp) {
                timed[i - warmUp] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }

    private static int readByte(InputStream in) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException("the link probe's other side closed the connection");
        }
        return value;
    }
}
