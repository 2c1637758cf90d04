package org.scalelab.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file so that a reader, a crash or a full disk finds the old file or the new one, never half of one:
 * the new content goes to a hidden file beside the target, is forced to disk, and is renamed over the target,
 * and the rename itself is forced. Records, studies, weights, timelines and settings are all written this way.
 */
public final class AtomicFile {
    private static final String NEW_FILE_SUFFIX = ".tmp";

    /** Writes the whole new content into {@code newFile}, which does not exist yet; need not force it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path newFile) throws IOException;
    }

    /** Writes into a stream, which it may close; the file is forced by {@link AtomicFile}. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** @throws IOException the target as it was, if it was */
    public static void replace(Path target, byte[] bytes) throws IOException {
        replace(target, newFile -> write(newFile, bytes));
    }

    /** @throws IOException the target as it was, if it was */
    public static void replaceStreaming(Path target, StreamContent content) throws IOException {
        replace(target, newFile -> {
            // Writers such as Jackson's close the stream they are given, so the file is forced once they are done.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(newFile, StandardOpenOption.CREATE_NEW))) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(newFile, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        });
    }

    /**
     * @param content writes the new file; {@link #replace(Path, byte[])} forces it, others must
     * @throws IOException the target as it was, if it was
     */
    public static void replace(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Named here rather than by createTempFile, which would make the file readable by its owner only.
        Path newFile = folder.resolve(newFilePrefix(target) + UUID.randomUUID() + NEW_FILE_SUFFIX);
        try {
            content.writeTo(newFile);
            Files.move(newFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(newFile);
            throw e;
        }
        forceFolder(folder);
    }

    /**
     * Deletes the hidden new files that writers of {@code target} left behind when they were killed part way (a
     * killed process cannot delete its own; a checkpoint's is as large as the checkpoint). Only where no other
     * writer of {@code target} can be at work.
     */
    public static void removeLeftovers(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        String prefix = newFilePrefix(target);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, file -> {
            String name = file.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(NEW_FILE_SUFFIX);
        })) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static String newFilePrefix(Path target) {
        return "." + target.getFileName() + "-";
    }

    /** Writes a file that does not exist yet and forces it to disk. */
    public static void write(Path newFile, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(newFile, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            writeAndForce(channel, bytes);
        }
    }

    /** Writes all of {@code bytes} at the channel's position and forces them to the device. */
    public static void writeAndForce(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    /** Makes a rename durable. Not every file system lets a folder be opened; then it is skipped. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Best effort: the file itself is already on disk.
        }
    }
}
