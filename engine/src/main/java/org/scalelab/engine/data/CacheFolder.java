package org.scalelab.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Replaces a dataset's cache folder as a whole: files are copied into a hidden staging folder beside it, which
 * is then renamed into place. A failed or interrupted import leaves the previous copy (or nothing) behind,
 * never a mix of old and new files.
 */
final class CacheFolder {

    private CacheFolder() {
    }

    /**
     * Makes {@code folder} hold exactly copies of {@code files}, each named by {@code storedName}.
     *
     * @throws DatasetException naming the folder when copying or renaming fails
     */
    static void replace(Path folder, List<Path> files, Function<Path, String> storedName) {
        Path parent = folder.toAbsolutePath().getParent();
        String name = folder.getFileName().toString();
        Path staging = null;
        Path trash = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + name + ".import-");
            for (Path file : files) {
                Files.copy(file, staging.resolve(storedName.apply(file)));
            }
            if (Files.exists(folder)) {
                trash = Files.createTempDirectory(parent, "." + name + ".old-");
                Files.move(folder, trash.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
        } catch (IOException e) {
            if (!restore(trash, name, folder)) {
                trash = null;
            }
            throw new DatasetException("cannot copy into " + folder + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
            deleteRecursively(trash);
        }
    }

    /**
     * Puts the previous copy back if it had been moved aside. Returns false when it is still aside, so the
     * caller keeps that hidden folder rather than delete the user's data.
     */
    private static boolean restore(Path trash, String name, Path folder) {
        if (trash == null || !Files.exists(trash.resolve(name)) || Files.exists(folder)) {
            return true;
        }
        try {
            Files.move(trash.resolve(name), folder, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Leftover hidden folders cost disk space only; they never look like a dataset.
        }
    }
}
