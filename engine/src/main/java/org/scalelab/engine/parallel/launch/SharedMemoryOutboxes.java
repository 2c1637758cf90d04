package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.comm.SharedMemoryRingLink;

/**
 * The directory holding a ring-shm job's outboxes ({@link SharedMemoryRingLink}) and its ranks' gradients
 * ({@link org.scalelab.engine.parallel.comm.SharedGradients}): created with one outbox per rank before the ranks
 * start (each rank adds its gradients' file), deleted when the job ends, however it ends. It lives in {@code /dev/shm} where
 * there is one (memory that is never written to disk), else in the temporary directory. Its name carries the
 * application's process id, so that the next job removes directories left by an application that was killed
 * before it could delete its own.
 */
final class SharedMemoryOutboxes {
    private static final String PREFIX = "scalelab-ring-";
    private static final Path DEV_SHM = Path.of("/dev/shm");

    private final Path directory;

    private SharedMemoryOutboxes(Path directory) {
        this.directory = directory;
    }

    /**
     * Outboxes when the spec's allreduce passes messages through shared memory, none otherwise.
     *
     * @throws RankJobException when they cannot be created, or when a rank would run on another machine
     */
    static Optional<SharedMemoryOutboxes> createFor(RankJobSpec spec) {
        if (spec.allreduce() != AllreduceAlgorithm.RING_SHM) {
            return Optional.empty();
        }
        spec.hosts().stream().filter(host -> !host.local()).findFirst().ifPresent(host -> {
            throw new RankJobException("the " + AllreduceAlgorithm.RING_SHM.id() + " allreduce passes messages "
                    + "through this machine's shared memory, so every rank must run here, but the hosts include "
                    + host.name() + "; use --allreduce " + AllreduceAlgorithm.RING.id() + " across machines");
        });
        Path root = Files.isDirectory(DEV_SHM) && Files.isWritable(DEV_SHM) ? DEV_SHM
                : Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(root);
        try {
            Path directory = Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-",
                    ownerOnly(root));
            SharedMemoryRingLink.createOutboxes(directory, spec.ranks());
            return Optional.of(new SharedMemoryOutboxes(directory));
        } catch (IOException e) {
            throw new RankJobException("cannot create the shared-memory outboxes of the ring in " + root + ": "
                    + e.getMessage());
        }
    }

    /** The gradients are nobody else's business: on POSIX file systems only the owner may enter the directory. */
    private static FileAttribute<?>[] ownerOnly(Path root) {
        return root.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    Path directory() {
        return directory;
    }

    /** Deletes the outboxes; ranks still running keep their mappings until they exit. */
    void delete() {
        deleteTree(directory);
    }

    /** Directories of applications that are no longer running. */
    private static void removeLeftovers(Path root) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path directory : found) {
                if (ownerIsGone(directory.getFileName().toString())) {
                    deleteTree(directory);
                }
            }
        } catch (IOException e) {
            // Leftovers only take space; failing to list them must not stop the job.
        }
    }

    private static boolean ownerIsGone(String name) {
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Already gone, or not ours to delete: nothing to do.
        }
    }
}
