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
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * The class path of a rank: the scalelab-mpj classes (rank entry point, MPJ communicator), the engine's
 * classes and every jar the engine needs at run time, as the build wrote them to
 * {@code engine/target/runtime.classpath}. Found from where this JVM loaded the engine, so it works the same
 * under {@code ./scalelab}, the workbench and Maven's tests. The engine itself never links to scalelab-mpj: it
 * only names its classes to child JVMs and rank class loaders.
 */
final class WorkerClassPath {
    private WorkerClassPath() {
    }

    /**
     * @param extra   entries for task classes that live elsewhere
     * @param mpjJars the MPJ jars this kind of rank needs, appended last
     */
    static List<Path> of(List<Path> extra, List<Path> mpjJars) {
        Path engineClasses = engineCodeSource();
        Path engineTarget = engineClasses.getParent();
        Path runtimeJars = engineTarget.resolve("runtime.classpath");
        Path mpjClasses = engineTarget.getParent().resolve("mpj").resolve("target").resolve("classes");
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
        classPath.addAll(extra);
        classPath.addAll(mpjJars);
        return classPath;
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
