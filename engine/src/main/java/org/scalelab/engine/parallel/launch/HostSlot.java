package org.scalelab.engine.parallel.launch;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A machine ranks may run on, with how many ranks it takes per round.
 *
 * @param name    as written in the hosts file (the remote shell connects to it)
 * @param address what the ranks' peers and the port exchange use to reach it
 * @param local   this machine: its ranks are started directly, not through the remote shell
 */
public record HostSlot(String name, InetAddress address, int slots, boolean local) {

    /** A host as named, resolved now, local when its address belongs to this machine. */
    public static HostSlot resolve(String name, int slots) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(name);
        return new HostSlot(name, address, slots, isThisMachine(address));
    }

    /**
     * The host of every rank: slots are filled in the order the hosts are listed, and when there are more ranks
     * than slots, the filling goes round again (oversubscribing, as mpirun does). No hosts: all on loopback.
     */
    static List<HostSlot> ofEachRank(List<HostSlot> hosts, int ranks) {
        List<HostSlot> round = new ArrayList<>();
        for (HostSlot host : hosts.isEmpty() ? List.of(loopback()) : hosts) {
            for (int slot = 0; slot < host.slots(); slot++) {
                round.add(host);
            }
        }
        List<HostSlot> placement = new ArrayList<>(ranks);
        for (int rank = 0; rank < ranks; rank++) {
            placement.add(round.get(rank % round.size()));
        }
        return placement;
    }

    private static HostSlot loopback() {
        InetAddress address = InetAddress.getLoopbackAddress();
        return new HostSlot(address.getHostAddress(), address, 1, true);
    }

    private static boolean isThisMachine(InetAddress address) {
        try {
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list this machine's network interfaces", e);
        }
    }
}
