package org.scalelab.engine.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A named source of bytes — a file on disk or a class-path resource — so that one reader serves both and
 * every error message starts with the name the user can look for.
 */
record DataFile(String name, Opener opener) {

    /** Opens the bytes; may throw {@link FileNotFoundException} or {@link NoSuchFileException} when absent. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static DataFile of(Path path) {
        return new DataFile(path.toString(), () -> Files.newInputStream(path));
    }

    /** A resource next to {@code anchor}'s class file, e.g. {@code embedded/mnist-mini/…}. */
    static DataFile resource(Class<?> anchor, String relativeName) {
        return new DataFile(relativeName, () -> {
            InputStream in = anchor.getResourceAsStream(relativeName);
            if (in == null) {
                throw new FileNotFoundException(relativeName);
            }
            return in;
        });
    }

    DataFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    InputStream open() {
        try {
            return opener.open();
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw error("file not found");
        } catch (IOException e) {
            throw error("cannot open: " + e.getMessage());
        }
    }

    /** {@code name: problem}, ready to throw. */
    DatasetException error(String problem) {
        return new DatasetException(name + ": " + problem);
    }

    DatasetException error(String problem, Throwable cause) {
        return new DatasetException(name + ": " + problem, cause);
    }
}
