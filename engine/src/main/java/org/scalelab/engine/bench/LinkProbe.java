package org.scalelab.engine.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Measures a TCP link as MPI benchmarks do, over kernel TCP like niodev's: the one-way latency α as half the
 * median round trip of one-byte messages with Nagle's algorithm off (TCP_NODELAY, so each byte leaves at once),
 * and the bandwidth by streaming a block and waiting for the far side's one-byte acknowledgement (less one round
 * trip, which the acknowledgement adds): once one way, and once both ways at the same time, as a ring's steps use
 * a link (each rank sends to one neighbour while it receives from the other). The sockets are set as niodev sets
 * its own ({@link #SOCKET_BUFFER_BYTES}): with both directions busy, a link's acknowledgements queue behind the
 * other direction's data, and a fixed window then limits what each direction gets. One side {@link #serve serves},
 * the other {@link #measure measures}.
 *
 * <p>Protocol, on one connection: the count of round trips (8 bytes), each a byte echoed; then the streamed length
 * (8 bytes), that many bytes, and one byte back when all have arrived; then a length again, streamed both ways at
 * once, and one byte back after the far side's stream.
 */
public final class LinkProbe {
    private static final int CHUNK = 1 << 16;
    /** niodev's send and receive buffers (xdev.niodev.NIODevice sets 524,288 bytes on every channel). */
    public static final int SOCKET_BUFFER_BYTES = 524_288;

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

    /** What a link measured: one-way latency, and bandwidth one way and in each direction with both busy. */
    public record Result(double latencyMicros, double bandwidthGbps, double bothWaysGbps) {
    }

    private LinkProbe() {
    }

    /**
     * A server socket for {@link #serve}, on any free port of {@code address} only (as niodev ranks listen on their own
     * address, never every interface), its accepted sockets' receive buffer set before they connect (as a window's
     * scale is agreed then).
     */
    public static ServerSocket listen(InetAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
        server.bind(new InetSocketAddress(address, 0));
        return server;
    }

    /** Answers one {@link #measure} on the next connection to {@code server}, then returns. */
    public static void serve(ServerSocket server) throws IOException {
        try (Socket socket = server.accept()) {
            configure(socket);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), CHUNK));
            OutputStream out = socket.getOutputStream();
            long roundTrips = in.readLong();
            for (long i = 0; i < roundTrips; i++) {
                out.write(readByte(in));
            }
            drain(in, in.readLong());
            out.write(1);
            out.flush();
            long bothWays = in.readLong();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> stream(out, bothWays));
            drain(in, bothWays);
            join(sent);
            out.write(1);
            out.flush();
        }
    }

    /** Connects to a {@link #serve serving} side at {@code address} and measures the link to it. */
    public static Result measure(InetSocketAddress address, Settings settings) throws IOException {
        try (Socket socket = new Socket()) {
            configure(socket);
            socket.connect(address, 10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), CHUNK);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), CHUNK));
            double roundTrip = medianRoundTripSeconds(in, out, settings.roundTrips());
            long bytes = settings.streamBytes();
            out.writeLong(bytes);
            long start = System.nanoTime();
            stream(out, bytes);
            readByte(in);
            double oneWay = Math.max((System.nanoTime() - start) / 1e9 - roundTrip, 1e-9);
            out.writeLong(bytes);
            start = System.nanoTime();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> stream(out, bytes));
            drain(in, bytes);
            readByte(in);
            join(sent);
            double bothWays = Math.max((System.nanoTime() - start) / 1e9 - roundTrip, 1e-9);
            return new Result(roundTrip / 2 * 1e6, 8 * bytes / oneWay / 1e9, 8 * bytes / bothWays / 1e9);
        }
    }

    private static void configure(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSendBufferSize(SOCKET_BUFFER_BYTES);
        socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
    }

    private static void stream(OutputStream out, long bytes) {
        byte[] block = new byte[CHUNK];
        try {
            for (long sent = 0; sent < bytes; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - sent));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(InputStream in, long bytes) throws IOException {
        byte[] sink = new byte[CHUNK];
        long remaining = bytes;
        while (remaining > 0) {
            int read = in.read(sink, 0, (int) Math.min(sink.length, remaining));
            if (read < 0) {
                throw new EOFException("the link probe's stream ended " + remaining + " bytes early");
            }
            remaining -= read;
        }
    }

    private static void join(CompletableFuture<Void> sending) throws IOException {
        try {
            sending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
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
