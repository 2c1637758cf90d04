package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.cli.Main;
import org.scalelab.engine.parallel.launch.ChildJvm;

/** {@code scalelab train} with MPJ strategies, as a user runs it: a JVM of its own with ranks below it. */
class TrainCommandWithRanksTest {
    @TempDir
    Path folder;

    private Process scalelab(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The application's two rank processes, as soon as both have been started. */
    private static List<ProcessHandle> twoRanksOf(Process app) throws InterruptedException {
        List<ProcessHandle> ranks = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ranks.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            ranks = app.toHandle().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(RankMain.class.getName())).toList();
        }
        assertEquals(2, ranks.size(), "the ranks did not start");
        return ranks;
    }

    @Test
    void ranksExitByThemselvesWithinFiveSecondsWhenTheApplicationIsKilled() throws Exception {
        Process app = scalelab(Map.of(), "train", "--strategy", "mpj", "--procs", "2", "--epochs", "50",
                "--runs-dir", folder.toString());
        try (BufferedReader err = new BufferedReader(new InputStreamReader(app.getErrorStream(), StandardCharsets.UTF_8))) {
            List<ProcessHandle> ranks = twoRanksOf(app);
            app.toHandle().destroyForcibly();
            assertTrue(app.waitFor(5, TimeUnit.SECONDS));
            long gone = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ranks.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(50);
            }
            for (ProcessHandle rank : ranks) {
                assertTrue(!rank.isAlive(), "rank " + rank.pid() + " outlived the application by 5 s");
            }
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void ctrlCWhileTheRanksStartCancelsTheRunAndNoNumberIsNaN() throws Exception {
        Signals.assumeCtrlCCanArrive();
        Process app = scalelab(Map.of(), "train", "--strategy", "mpj", "--procs", "2", "--epochs", "50", "--json",
                "--runs-dir", folder.toString());
        List<ProcessHandle> ranks = twoRanksOf(app);
        // A terminal's Ctrl-C interrupts the whole foreground process group: the application and its ranks.
        List<ProcessHandle> group = new ArrayList<>(ranks);
        group.add(app.toHandle());
        Signals.send("INT", group);
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the application did not stop");

        assertEquals(130, app.exitValue(), err);
        assertFalse(out.contains("NaN") || err.contains("NaN"), out + err);
        String json = out.strip().lines().reduce((first, second) -> second).orElseThrow();
        assertTrue(json.contains("\"status\":\"cancelled\"") && json.contains("\"epochs\":0")
                && json.contains("\"testAccuracy\":null"), json);
        for (ProcessHandle rank : ranks) {
            assertTrue(rank.onExit().get(5, TimeUnit.SECONDS) != null && !rank.isAlive(), "rank " + rank.pid() + " is left");
        }
    }

    @Test
    void withoutMpjExpressTheMpjStrategiesSaySoWithTheRemedyAndTheOthersStillRun() throws Exception {
        Map<String, String> noMpj = Map.of("MPJ_HOME", folder.resolve("no-mpj-here").toString());
        for (String strategy : List.of("mpj", "hybrid", "mpj-multicore")) {
            Process app = scalelab(noMpj, "train", "--strategy", strategy, "--procs", "2", "--runs-dir", folder.toString());
            String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(2, app.waitFor(), strategy + ": " + err);
            assertTrue(err.lines().noneMatch(line -> line.strip().startsWith("at ")), "no stack trace: " + err);
            assertTrue(err.lines().findFirst().orElseThrow().contains("--strategy " + strategy + ": MPJ Express is needed here but there is no MPJ Express at "
                    + folder.resolve("no-mpj-here")), err);
            assertTrue(err.contains("sudo apt-get install libmpj-java"), err);
        }
        Process threads = scalelab(noMpj, "train", "--strategy", "threads", "--threads", "2", "--epochs", "1",
                "--steps-per-epoch", "5", "--runs-dir", folder.toString());
        threads.getErrorStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(0, threads.waitFor(), "threads needs no MPJ");
    }

    @Test
    void aRunThatFailsSaysWhyInOneLineWithoutAStackTrace() throws Exception {
        Path hosts = Files.writeString(folder.resolve("hosts"), "10.255.255.1 2\n");
        Process app = scalelab(Map.of(), "train", "--strategy", "mpj", "--procs", "2", "--allreduce", "ring-shm",
                "--hosts", hosts.toString(), "--epochs", "1", "--runs-dir", folder.toString());
        String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        app.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(1, app.waitFor(), err);
        assertTrue(err.lines().noneMatch(line -> line.strip().startsWith("at ")), "no stack trace: " + err);
        assertTrue(err.contains("failed: the ring-shm allreduce passes messages through this machine's shared memory, "
                + "so every rank must run here, but the hosts include 10.255.255.1; use --allreduce ring across "
                + "machines"), err);
    }
}
