package org.scalelab.engine.runs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The two ways the store puts bytes on disk, both durable when they return. The store's tests count the bytes
 * or make the writes fail here.
 */
interface Disk {

    /** Writes a file that does not exist yet and forces it to disk. */
    void writeNew(Path file, byte[] bytes) throws IOException;

    /**
     * Writes {@code bytes} at offset {@code at} of the file, creating it, drops whatever followed (the torn end of
     * an earlier write that failed) and forces it to disk.
     */
    void writeAt(Path file, long at, byte[] bytes) throws IOException;
}
