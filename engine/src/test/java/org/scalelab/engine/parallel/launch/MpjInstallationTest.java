package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpjInstallationTest {
    private static final List<String> JARS = List.of("mpj.jar", "mpi.jar", "mpjdev.jar", "smpdev.jar", "xdev.jar",
            "mpjbuf.jar", "mpiExp.jar");

    @TempDir
    Path dir;

    @Test
    void aMissingInstallationSaysWhatIsMissingAndHowToInstall() {
        MpjInstallation nowhere = MpjInstallation.at(dir.resolve("mpj"));
        assertFalse(nowhere.available());
        String message = assertThrows(MpjUnavailableException.class, nowhere::require).getMessage();
        assertTrue(message.startsWith("MPJ Express is needed here but there is no MPJ Express at " + dir.resolve("mpj")
                + " (the given MPJ home)."), message);
        assertTrue(message.contains("sudo apt-get install libmpj-java"), message);
        assertTrue(message.contains("apt-get download libmpj-java liblog4j1.2-java"), message);
        assertTrue(message.contains("export MPJ_HOME="), message);
    }

    @Test
    void anIncompleteInstallationNamesTheMissingJars() throws Exception {
        Path home = installJars(dir.resolve("mpj"));
        Files.delete(home.resolve("lib/smpdev.jar"));
        Files.delete(home.resolve("lib/mpi.jar"));
        String message = assertThrows(MpjUnavailableException.class, MpjInstallation.at(home)::require).getMessage();
        assertTrue(message.contains(home.resolve("lib") + " (the given MPJ home) lacks smpdev.jar, mpi.jar"), message);
    }

    @Test
    void anUpstreamTarballBringsItsOwnLog4j() throws Exception {
        Path home = installJars(dir.resolve("mpj-v0_44"));
        Path log4j = Files.createFile(home.resolve("lib/log4j-1.2.11.jar"));
        MpjInstallation mpj = MpjInstallation.at(home);

        assertTrue(mpj.available());
        assertEquals(List.of(home.resolve("lib/mpj.jar"), log4j), mpj.niodevJars());
        assertEquals(List.of(home.resolve("lib/mpi.jar"), home.resolve("lib/mpjdev.jar")), mpj.smpdevRankJars());
        assertEquals(log4j, mpj.smpdevSessionJars().get(4));
    }

    @Test
    void aRootlessDebianUnpackHasLog4jBesideTheMpjFolder() throws Exception {
        Path home = installJars(dir.resolve("usr/share/mpj"));
        Path log4j = Files.createDirectories(dir.resolve("usr/share/java")).resolve("log4j-1.2.jar");
        Files.createFile(log4j);

        assertEquals(log4j, MpjInstallation.at(home).niodevJars().get(1));
    }

    private static Path installJars(Path home) throws Exception {
        Files.createDirectories(home.resolve("lib"));
        for (String jar : JARS) {
            Files.createFile(home.resolve("lib").resolve(jar));
        }
        return home;
    }
}
