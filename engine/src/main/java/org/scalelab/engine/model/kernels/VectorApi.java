package org.scalelab.engine.model.kernels;

/**
 * The JDK's Vector API ({@code jdk.incubator.vector}), which the kernels that fill whole vectors use: a module Java 17
 * resolves only when asked. Whatever creates such a kernel checks for it first, before any vector class is loaded, so
 * that a JVM started without it gets this message rather than a missing class.
 */
public final class VectorApi {
    private static final String MODULE = "jdk.incubator.vector";

    private VectorApi() {
    }

    /** Throws, naming {@code kernel} and the option that fixes it, when the module is not in the boot layer. */
    public static void require(String kernel) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            throw new IllegalStateException(kernel + " needs the JDK module " + MODULE + ": start Java with"
                    + " --add-modules " + MODULE + " (the scalelab script and the JVMs it starts do)");
        }
    }
}
