package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/** Class loaders over class path entries, for ranks that live in this JVM. */
final class ClassPaths {
    private ClassPaths() {
    }

    static URLClassLoader loader(String name, List<Path> entries, ClassLoader parent) {
        URL[] urls = entries.stream().map(ClassPaths::url).toArray(URL[]::new);
        return new URLClassLoader(name, urls, parent);
    }

    /** Closes the loader's jars once its classes are no longer needed. */
    static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + loader.getName(), e);
        }
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a class path entry: " + entry, e);
        }
    }
}
