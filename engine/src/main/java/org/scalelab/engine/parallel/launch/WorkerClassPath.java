package org.scalelab.engine.parallel.launch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * The class path of a rank: the scalelab-mpj classes (rank entry point, MPJ communicator), the engine's
 * classes and every jar the engine needs at run time. Found from where this JVM loaded the engine, so it works the
 * same under {@code ./scalelab}, the workbench, Maven's tests and an installed copy: in a build tree those are
 * {@code engine/mpj/target/classes}, the engine's classes (or its jar in {@code engine/target}) and the jars the
 * build wrote to {@code engine/target/runtime.classpath}; an installed copy (see {@code installer/}) keeps all of
 * them as jars in one folder. The engine itself never links to scalelab-mpj: it only names its classes to child
 * JVMs and rank class loaders.
 */
final class WorkerClassPath {
    /** Maven's output folder: the engine runs from a build tree when its classes or jar lie there. */
    private static final String MAVEN_OUTPUT = "target";
    private static final String MPJ_JAR_PREFIX = "scalelab-mpj-";

    private WorkerClassPath() {
    }

    /**
     * @param extra   entries for task classes that live elsewhere
     * @param mpjJars the MPJ jars this kind of rank needs, appended last
     */
    static List<Path> of(List<Path> extra, List<Path> mpjJars) {
        return of(engineCodeSource(), extra, mpjJars);
    }

    /** @param engine the engine's classes folder or jar */
    static List<Path> of(Path engine, List<Path> extra, List<Path> mpjJars) {
        Path engineFolder = engine.getParent();
        List<Path> classPath = new ArrayList<>(engineFolder.getFileName().toString().equals(MAVEN_OUTPUT)
                ? buildTree(engine, engineFolder) : installedCopy(engineFolder));
        classPath.addAll(extra);
        classPath.addAll(mpjJars);
        return classPath;
    }

    private static List<Path> buildTree(Path engineClasses, Path engineTarget) {
        Path runtimeJars = engineTarget.resolve("runtime.classpath");
        Path mpjClasses = engineTarget.getParent().resolve("mpj").resolve(MAVEN_OUTPUT).resolve("classes");
        if (!Files.isDirectory(mpjClasses.resolve("org"))) {
            throw new MpjUnavailableException("ScaleLab's scalelab-mpj module is not built (there is no " + mpjClasses
                    + "): the build did not find MPJ Express.");
        }
        if (!Files.isRegularFile(runtimeJars)) {
            throw new RankJobException("cannot start ranks: " + runtimeJars + " is missing; rebuild with ./mvnw compile");
        }
        List<Path> classPath = new ArrayList<>();
        classPath.add(mpjClasses);
        classPath.add(engineClasses);
        classPath.addAll(read(runtimeJars));
        return classPath;
    }

    /** Every jar in the folder of the engine's jar, as the installed copy's launcher puts them on its class path. */
    private static List<Path> installedCopy(Path jarFolder) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(jarFolder)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + jarFolder, e);
        }
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith(MPJ_JAR_PREFIX))) {
            throw new MpjUnavailableException("this copy of ScaleLab has no " + MPJ_JAR_PREFIX + "*.jar in " + jarFolder
                    + ": it was packaged without MPJ Express.");
        }
        return jars;
    }

    /** engine/target/classes, or the engine jar beside it. */
    private static Path engineCodeSource() {
        try {
            return Path.of(Communicator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the engine's own location is not a path", e);
        }
    }

    private static List<Path> read(Path classPathFile) {
        try {
            String content = Files.readString(classPathFile).trim();
            return content.isEmpty() ? List.of()
                    : Arrays.stream(content.split(File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classPathFile, e);
        }
    }
}
