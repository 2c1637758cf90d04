package org.scalelab.engine.parallel.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The parent's half of niodev's start-up, the part mpjrun plays otherwise. Each rank, inside {@code MPI.Init},
 * connects to the server named in its CONF argument and reports the two ports it listens on; once all have,
 * each rank is told every rank's address and ports and connects to its peers. The server socket must be
 * listening before the ranks start (a rank that finds none fails inside MPJ with an unhelpful
 * NullPointerException), so it is opened here, first; it is closed as soon as the ranks know each other.
 */
final class PortExchange implements AutoCloseable {
    private static final String GREETING = "Sending Info";
    /**
     * Messages up to this many bytes go eagerly; larger ones wait for a rendezvous handshake first. MPJ's usual
     * 128 KiB put every gradient message of the presets past it, and on loopback the handshake cost about 1.7 ms a
     * message: a 2-rank ring allreduce of mlp-235k's 235,146 floats took 3.1–6.9 ms, eagerly 0.6–1.1 ms (idle
     * machine, 2026-12-05, docs/PERFORMANCE.md). 16 MiB keeps every preset's messages eager; the receiver buffers
     * one that arrives before its receive is posted, which is memory the gradient needs anyway.
     */
    private static final int PROTOCOL_SWITCH_LIMIT = 16 << 20;

    private final ServerSocket server;

    private PortExchange(ServerSocket server) {
        this.server = server;
    }

    /** Listens on an ephemeral port of {@code address}: loopback when every rank runs on this machine. */
    static PortExchange listen(InetAddress address) throws IOException {
        return new PortExchange(new ServerSocket(0, 50, address));
    }

    InetAddress address() {
        return server.getInetAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    /** MPJ 0.44's CONF argument: a ';'-separated description of the job, not a file name. */
    String conf(int ranks) {
        return "#Number of Processes;" + ranks + ";#Protocol Switch Limit;" + PROTOCOL_SWITCH_LIMIT
                + ";#Server Name;" + address().getHostAddress() + ";#Server Port;" + port();
    }

    /**
     * Collects every rank's ports, then sends every rank the list of peers, then stops listening.
     *
     * @param peerAddresses each rank's address, as its peers reach it
     * @throws RankJobException when not every rank reported within {@code timeout}, or one reported nonsense
     * @throws IOException when the exchange was closed (the job was stopped meanwhile) or a rank hung up
     */
    void run(List<InetAddress> peerAddresses, Duration timeout) throws IOException {
        int ranks = peerAddresses.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket[] connections = new Socket[ranks];
        int[] readPorts = new int[ranks];
        int[] writePorts = new int[ranks];
        try (server) {
            for (int reported = 0; reported < ranks; reported++) {
                Socket connection = acceptBefore(deadline, connections, timeout);
                DataInputStream in = new DataInputStream(connection.getInputStream());
                String greeting = in.readUTF();
                int writePort = in.readInt();
                int readPort = in.readInt();
                int rank = in.readInt();
                if (!GREETING.equals(greeting) || rank < 0 || rank >= ranks || connections[rank] != null) {
                    connection.close();
                    throw new RankJobException("the port exchange got an unexpected report (" + greeting + ", rank "
                            + rank + ") from " + connection.getRemoteSocketAddress());
                }
                connections[rank] = connection;
                readPorts[rank] = readPort;
                writePorts[rank] = writePort;
            }
            String peers = IntStream.range(0, ranks)
                    .mapToObj(r -> peerAddresses.get(r).getHostAddress() + "@" + readPorts[r] + "@" + writePorts[r] + "@" + r + "@0")
                    .collect(Collectors.joining(";", "#Peer Information;", ""));
            for (Socket connection : connections) {
                DataOutputStream out = new DataOutputStream(connection.getOutputStream());
                out.writeUTF(peers);
                out.flush();
            }
        } finally {
            for (Socket connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    private Socket acceptBefore(long deadline, Socket[] connections, Duration timeout) throws IOException {
        long left = deadline - System.nanoTime();
        try {
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            server.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            Socket connection = server.accept();
            connection.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            return connection;
        } catch (SocketTimeoutException e) {
            List<Integer> silent = new ArrayList<>();
            for (int rank = 0; rank < connections.length; rank++) {
                if (connections[rank] == null) {
                    silent.add(rank);
                }
            }
            throw new RankJobException("ranks " + silent + " did not report to the port exchange within "
                    + timeout.toMillis() / 1000.0 + " s (started but stuck before MPI.Init finished: a remote "
                    + "shell waiting for a password, a firewall, an overloaded machine?)");
        }
    }

    /** Stops listening; a {@link #run} in progress then fails with an IOException. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
