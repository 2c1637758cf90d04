package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.data.DatasetCatalog;
import picocli.CommandLine;

class DatasetsCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new DatasetsCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private void assertOneLineErrorWithoutStackTrace() {
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    private long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void listsEveryDatasetWithStatusSizeClassesShapeAndSource() {
        int exit = run("--data-dir", dataDir.toString());

        assertEquals(0, exit, err.toString());
        String[] lines = out.toString().split("\n");
        assertTrue(lines[0].matches("NAME +STATUS +SIZE +CLASSES +IMAGE +SOURCE"), lines[0]);
        assertTrue(lines[1].matches("mnist-mini +built in +1\\.6 MB +10 +28x28 grey +Real MNIST digits.*"), lines[1]);
        assertTrue(lines[2].matches("mnist +not downloaded +- +10 +28x28 grey +.*"), lines[2]);
        assertTrue(lines[3].startsWith("fashion-mnist "), lines[3]);
        assertTrue(lines[4].matches("cifar10 +not downloaded +- +10 +32x32x3 +.*"), lines[4]);
        assertTrue(lines[5].matches("synthetic-cifar +built in +- +10 +32x32x3 +Synthetic — procedurally generated.*"),
                lines[5]);
        assertTrue(out.toString().contains("Data folder: " + dataDir), out.toString());
    }

    @Test
    void unknownDatasetIsOneLineAndAFailingExitCode() {
        int exit = run("download", "imagenet", "--data-dir", dataDir.toString());

        assertEquals(1, exit);
        assertEquals("error: unknown dataset 'imagenet'; known: mnist-mini, mnist, fashion-mnist, cifar10, "
                + "synthetic-cifar", err.toString().strip());
    }

    @Test
    void downloadingABuiltInSetIsNothingToDo() {
        int exit = run("download", "mnist-mini");

        assertEquals(0, exit);
        assertEquals("mnist-mini is already available (built in); nothing to download.", out.toString().strip());
    }

    @Test
    void failedDownloadNamesTheUrlAndLeavesNothing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

            int exit = run("download", "cifar10", "--data-dir", dataDir.toString(), "--mirror", mirror);

            assertEquals(1, exit);
            assertEquals("error: download of " + mirror + "cifar10/cifar-10-binary.tar.gz failed: HTTP 404",
                    err.toString().strip());
            assertEquals(0, filesIn(dataDir));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void importsAnInstalledCopyIntoTheDataFolder() throws Exception {
        Path installed = DatasetCatalog.DEFAULT_INSTALLED_FASHION_MNIST;
        assumeTrue(Files.isDirectory(installed), "Debian's dataset-fashion-mnist is not installed");

        int exit = run("import", "fashion-mnist", installed.toString(), "--data-dir", dataDir.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().startsWith("fashion-mnist: imported from " + installed), out.toString());
        assertEquals(4, filesIn(dataDir.resolve("fashion-mnist")));
    }

    @Test
    void importOfAFaultyFolderNamesTheFile() throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("my-mnist"));
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.write(folder.resolve(name), new byte[] {0, 0, 8, 0});
        }

        int exit = run("--data-dir", dataDir.toString(), "import", "mnist", folder.toString());

        assertEquals(1, exit);
        assertEquals("error: " + folder.resolve("train-images-idx3-ubyte")
                + ": bad magic 0x00000800, expected 0x00000803 (IDX images)", err.toString().strip());
        assertOneLineErrorWithoutStackTrace();
        assertFalse(Files.exists(dataDir.resolve("mnist")));
    }

    @Test
    void missingArgumentsAreAUsageError() {
        int exit = run("import", "mnist");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("Missing required parameter: 'PATH'"), err.toString());
    }

    @Test
    void helpListsTheSubcommands() {
        int exit = run("--help");

        assertEquals(0, exit);
        assertTrue(out.toString().contains("download"), out.toString());
        assertTrue(out.toString().contains("import"), out.toString());
        assertTrue(out.toString().contains("--data-dir=DIR"), out.toString());
    }
}
