package org.scalelab.engine.parallel.mpj;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Stands in for {@link InetSocketAddress} inside MPJ's niodev ({@link NiodevBinding}): a port alone, which niodev
 * binds its listening sockets to, means that port on this rank's own address rather than on every interface;
 * a host and a port mean what they always mean. Public with public constructors: niodev's code calls them.
 */
public final class BoundSocketAddress extends InetSocketAddress {
    private static final long serialVersionUID = 1L;
    private static volatile InetAddress listeningAddress;

    /** What niodev wrote as {@code new InetSocketAddress(port)}: the port on the rank's address. */
    public BoundSocketAddress(int port) {
        super(listeningAddress, port);
    }

    /** What niodev wrote as {@code new InetSocketAddress(host, port)}, unchanged. */
    public BoundSocketAddress(String host, int port) {
        super(host, port);
    }

    static void listenOn(InetAddress address) {
        listeningAddress = address;
    }
}
