package org.scalelab.engine.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.scalelab.engine.io.AtomicFile;

/** The real {@link Disk}: file channels forced to the device before a write returns. */
final class DurableDisk implements Disk {

    @Override
    public void writeNew(Path file, byte[] bytes) throws IOException {
        AtomicFile.write(file, bytes);
    }

    @Override
    public void writeAt(Path file, long at, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            channel.truncate(at);
            channel.position(at);
            AtomicFile.writeAndForce(channel, bytes);
        }
    }
}
