package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two layouts ranks start from: a Maven build tree and an installed copy (installer/). */
class WorkerClassPathTest {
    @TempDir
    Path dir;

    @Test
    void aBuildTreeGivesTheMpjModulesClassesTheEnginesAndTheJarsItsBuildListed() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("engine/target/classes"));
        Path mpjClasses = Files.createDirectories(dir.resolve("engine/mpj/target/classes/org"));
        Files.writeString(dir.resolve("engine/target/runtime.classpath"), "/m2/a.jar:/m2/b.jar\n");

        List<Path> classPath = WorkerClassPath.of(classes, List.of(Path.of("/tasks")), List.of(Path.of("/mpj/mpj.jar")));

        assertEquals(List.of(mpjClasses.getParent(), classes, Path.of("/m2/a.jar"), Path.of("/m2/b.jar"),
                Path.of("/tasks"), Path.of("/mpj/mpj.jar")), classPath);
    }

    @Test
    void anInstalledCopyGivesEveryJarBesideTheEnginesThenTheTasksAndMpj() throws IOException {
        Path app = Files.createDirectories(dir.resolve("opt/scalelab/lib/app"));
        Path engine = Files.createFile(app.resolve("scalelab-engine-0.1.0.jar"));
        Path mpjModule = Files.createFile(app.resolve("scalelab-mpj-0.1.0.jar"));
        Path nd4j = Files.createFile(app.resolve("nd4j-api-1.0.0.jar"));
        Files.createDirectories(app.resolve("plans"));
        Files.writeString(app.resolve("scalelab.cfg"), "not a jar");

        List<Path> classPath = WorkerClassPath.of(engine, List.of(), List.of(Path.of("/usr/share/mpj/lib/mpj.jar")));

        assertEquals(List.of(nd4j, engine, mpjModule, Path.of("/usr/share/mpj/lib/mpj.jar")), classPath);
    }

    @Test
    void anInstalledCopyWithoutTheMpjModuleSaysItWasPackagedWithoutMpj() throws IOException {
        Path app = Files.createDirectories(dir.resolve("lib/app"));
        Path engine = Files.createFile(app.resolve("scalelab-engine-0.1.0.jar"));

        MpjUnavailableException e = assertThrows(MpjUnavailableException.class,
                () -> WorkerClassPath.of(engine, List.of(), List.of()));

        assertTrue(e.getMessage().contains("packaged without MPJ Express"), e.getMessage());
    }
}
