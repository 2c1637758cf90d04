package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where MPJ Express is installed and which of its jars each kind of rank needs at run time.
 * {@code MPJ_HOME} wins when set; otherwise Debian's {@code /usr/share/mpj} (package libmpj-java).
 * MPJ logs through log4j 1.2, which it does not ship in the same place everywhere, so that is looked for too.
 */
public final class MpjInstallation {
    static final Path DEBIAN_HOME = Path.of("/usr/share/mpj");
    private static final Path DEBIAN_LOG4J = Path.of("/usr/share/java/log4j-1.2.jar");
    /** What a niodev child JVM needs: MPJ's all-in-one jar (mpi, mpjdev, mpjbuf, xdev, niodev). */
    private static final List<String> NIODEV_JARS = List.of("mpj.jar");
    /** Shared by all smpdev ranks of one run: the device and what crosses between ranks. */
    private static final List<String> SMPDEV_SESSION_JARS = List.of("smpdev.jar", "xdev.jar", "mpjbuf.jar", "mpiExp.jar");
    /** Loaded once per smpdev rank, so that each rank has its own static MPI state. */
    private static final List<String> SMPDEV_RANK_JARS = List.of("mpi.jar", "mpjdev.jar");

    private final Path home;
    private final String homeSource;

    private MpjInstallation(Path home, String homeSource) {
        this.home = home;
        this.homeSource = homeSource;
    }

    /** The installation this process would use: {@code MPJ_HOME} if set, else Debian's. */
    public static MpjInstallation detect() {
        String env = System.getenv("MPJ_HOME");
        return env == null || env.isBlank()
                ? new MpjInstallation(DEBIAN_HOME, "the Debian location (MPJ_HOME is not set)")
                : new MpjInstallation(Path.of(env), "MPJ_HOME");
    }

    /** The installation at {@code home}, wherever it came from. */
    public static MpjInstallation at(Path home) {
        return new MpjInstallation(home, "the given MPJ home");
    }

    /** The value every rank gets as {@code MPJ_HOME} (without it, MPI.Init prints a harmless stack trace). */
    public Path home() {
        return home;
    }

    public boolean available() {
        return missing().isEmpty();
    }

    /** Class path of a niodev rank's JVM, besides the worker classes. */
    public List<Path> niodevJars() {
        return withLog4j(lib(NIODEV_JARS));
    }

    /** Class path of the loader shared by the ranks of one smpdev run. */
    public List<Path> smpdevSessionJars() {
        return withLog4j(lib(SMPDEV_SESSION_JARS));
    }

    /** Jars each smpdev rank loads for itself, besides the worker classes. */
    public List<Path> smpdevRankJars() {
        return lib(SMPDEV_RANK_JARS);
    }

    /** @throws MpjUnavailableException saying what is missing and how to install it */
    public MpjInstallation require() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new MpjUnavailableException("MPJ Express is needed here but " + String.join("; ", missing) + ".");
        }
        return this;
    }

    private List<String> missing() {
        if (!Files.isDirectory(home.resolve("lib"))) {
            return List.of("there is no MPJ Express at " + home + " (" + homeSource + ")");
        }
        List<String> missing = new ArrayList<>();
        List<String> absentJars = Stream.of(NIODEV_JARS, SMPDEV_SESSION_JARS, SMPDEV_RANK_JARS).flatMap(List::stream)
                .filter(jar -> !Files.isRegularFile(home.resolve("lib").resolve(jar))).toList();
        if (!absentJars.isEmpty()) {
            missing.add(home.resolve("lib") + " (" + homeSource + ") lacks " + String.join(", ", absentJars));
        }
        if (log4j().isEmpty()) {
            missing.add("log4j 1.2 was found neither in " + home.resolve("lib") + " nor at "
                    + home.resolveSibling("java").resolve("log4j-1.2.jar") + " nor at " + DEBIAN_LOG4J);
        }
        return missing;
    }

    private List<Path> lib(List<String> jars) {
        return jars.stream().map(home.resolve("lib")::resolve).toList();
    }

    private List<Path> withLog4j(List<Path> jars) {
        List<Path> all = new ArrayList<>(jars);
        log4j().ifPresent(all::add);
        return all;
    }

    /**
     * The upstream tarball ships log4j in its lib folder; a rootless {@code dpkg-deb -x} of Debian's packages puts
     * it in usr/share/java beside usr/share/mpj; an installed liblog4j1.2-java puts it in /usr/share/java.
     */
    private Optional<Path> log4j() {
        try (Stream<Path> lib = Files.isDirectory(home.resolve("lib")) ? Files.list(home.resolve("lib")) : Stream.empty()) {
            Optional<Path> bundled = lib.filter(jar -> jar.getFileName().toString().matches("log4j-1\\.2.*\\.jar"))
                    .sorted().findFirst();
            if (bundled.isPresent()) {
                return bundled;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + home.resolve("lib"), e);
        }
        return Stream.of(home.resolveSibling("java").resolve("log4j-1.2.jar"), DEBIAN_LOG4J)
                .filter(Files::isRegularFile).findFirst();
    }
}
