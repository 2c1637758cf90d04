package org.scalelab.engine.parallel.launch;

import java.net.URL;
import java.util.List;

/**
 * The common parent of an smpdev run's class loaders: the JDK, plus ND4J and JavaCPP from the application's
 * class loader. A native library can be loaded by one class loader per JVM only, so ND4J must not be loaded
 * again by each rank; and sharing it lets ranks and the application pass INDArrays. Everything else, MPJ
 * above all, each rank loads for itself.
 */
final class SharedNativeLibrariesLoader extends ClassLoader {
    private static final List<String> SHARED_PACKAGES = List.of("org.nd4j.", "org.bytedeco.");

    private final ClassLoader application;

    SharedNativeLibrariesLoader(ClassLoader application) {
        super("smpdev-shared", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isShared(name)) {
            return application.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        return isShared(name.replace('/', '.')) ? application.getResource(name) : null;
    }

    private static boolean isShared(String name) {
        return SHARED_PACKAGES.stream().anyMatch(name::startsWith);
    }
}
