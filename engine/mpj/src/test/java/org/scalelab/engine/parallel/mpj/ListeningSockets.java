package org.scalelab.engine.parallel.mpj;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What {@code ss -ltnp} shows, read from /proc: the TCP ports a process listens on, and who listens on a port. */
final class ListeningSockets {
    private static final String LISTEN = "0A";
    /** 127.0.0.1 as /proc/net/tcp writes it (little-endian hex), and as tcp6 writes it mapped to IPv6. */
    private static final List<String> LOOPBACK = List.of("0100007F:", "0000000000000000FFFF00000100007F:");

    private ListeningSockets() {
    }

    /** Local "address:port" (kernel hex notation) of every listening TCP socket the process holds. */
    static List<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor closed while we looked.
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String[] socket : listeningSockets()) {
            if (inodes.contains(socket[9])) {
                listening.add(socket[1]);
            }
        }
        return listening;
    }

    /** Whether a socket as {@link #of} gives it listens on 127.0.0.1 only. */
    static boolean onLoopback(String socket) {
        return LOOPBACK.stream().anyMatch(socket::startsWith);
    }

    /** Whether any process listens on TCP {@code port}. */
    static boolean anyoneListensOn(int port) throws IOException {
        String suffix = String.format(":%04X", port);
        return listeningSockets().stream().anyMatch(socket -> socket[1].endsWith(suffix));
    }

    private static List<String[]> listeningSockets() throws IOException {
        List<String[]> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns[3].equals(LISTEN)) {
                    sockets.add(columns);
                }
            }
        }
        return sockets;
    }
}
