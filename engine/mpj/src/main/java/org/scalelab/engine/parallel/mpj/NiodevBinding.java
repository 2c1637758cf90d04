package org.scalelab.engine.parallel.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Makes a niodev rank listen only on its own address (loopback when the whole job runs on this machine), from its
 * first moment: MPJ 0.44's niodev binds the two ports each rank opens during {@code MPI.Init} with
 * {@code new InetSocketAddress(port)}, every interface, and offers no setting to change that. Before anything
 * loads niodev, its device class is defined here from MPJ's own bytes with one change: the class it makes socket
 * addresses of is {@link BoundSocketAddress} instead of {@link java.net.InetSocketAddress}. Nothing else in MPJ
 * changes, and the jar stays as installed.
 */
final class NiodevBinding {
    static final String DEVICE_CLASS = "xdev.niodev.NIODevice";
    /** A class of the device's package that loads without loading or initialising the device. */
    private static final String NEIGHBOUR_CLASS = "xdev.niodev.ConfigReader";

    private NiodevBinding() {
    }

    /**
     * @param address the rank's address, as its peers reach it
     * @throws IllegalStateException when niodev was already loaded: too late to change how it binds
     */
    static void listenOnlyOn(String address) throws ReflectiveOperationException {
        BoundSocketAddress.listenOn(resolve(address));
        ClassLoader loader = NiodevBinding.class.getClassLoader();
        byte[] patched = ClassNames.rename(deviceBytes(loader), "java/net/InetSocketAddress",
                BoundSocketAddress.class.getName().replace('.', '/'));
        MethodHandles.Lookup devicePackage = MethodHandles.privateLookupIn(
                Class.forName(NEIGHBOUR_CLASS, false, loader), MethodHandles.lookup());
        try {
            devicePackage.defineClass(patched);
        } catch (LinkageError e) {
            throw new IllegalStateException(DEVICE_CLASS + " is already loaded; its sockets would listen everywhere", e);
        }
    }

    private static InetAddress resolve(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the rank's address " + address + " does not resolve", e);
        }
    }

    private static byte[] deviceBytes(ClassLoader loader) {
        String resource = DEVICE_CLASS.replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("MPJ's " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MPJ's " + resource, e);
        }
    }
}
