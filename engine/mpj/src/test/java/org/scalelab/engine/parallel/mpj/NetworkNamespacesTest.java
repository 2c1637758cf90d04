package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.cli.Main;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.model.WeightsFile;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.training.StrategyEquivalence;

/**
 * A cluster run between two network stacks of this machine: this one and a network namespace joined to it by a
 * veth pair, so the ranks talk over a real link between different addresses, and the remote rank is started
 * through a remote shell, as on a cluster; and what happens when the remote rank stops or the link is cut. Needs
 * root and iproute2; skipped elsewhere.
 */
class NetworkNamespacesTest {
    private static final String NAMESPACE = "scalelab-node2";
    private static final String HERE = "10.213.77.1";
    private static final String THERE = "10.213.77.2";
    private final String link = "slveth" + ProcessHandle.current().pid() % 100_000;

    @TempDir
    Path folder;

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @BeforeEach
    void joinANamespaceToThisMachine() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create network namespaces");
        run("ip", "netns", "del", NAMESPACE);
        assumeTrue(run("ip", "netns", "add", NAMESPACE), "ip netns is not available");
        assumeTrue(run("ip", "link", "add", link, "type", "veth", "peer", "name", link + "b"), "no veth support");
        assumeTrue(run("ip", "link", "set", link + "b", "netns", NAMESPACE)
                && run("ip", "addr", "add", HERE + "/24", "dev", link)
                && run("ip", "link", "set", link, "up")
                && run("ip", "netns", "exec", NAMESPACE, "ip", "addr", "add", THERE + "/24", "dev", link + "b")
                && run("ip", "netns", "exec", NAMESPACE, "ip", "link", "set", link + "b", "up")
                && run("ip", "netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up"), "cannot set up the veth pair");
    }

    @AfterEach
    void removeIt() throws Exception {
        run("ip", "link", "del", link);
        run("ip", "netns", "del", NAMESPACE);
    }

    @Test
    void ranksOnTwoNetworkStacksJoinedByAVethPairTrainLikeSerial() throws Exception {
        Path weights = folder.resolve("weights.bin");
        Process app = scalelab("--epochs", "1", "--steps-per-epoch", "20", "--save-weights", weights.toString());
        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the run did not end within 2 minutes");
        assertEquals(0, app.exitValue(), errorsOf(app));

        float[] serial = new StrategyEquivalence(new DatasetCatalog(), folder).weights(twentySteps("mlp-235k"));
        assertSameWeights(serial, WeightsFile.read(weights), "mpj 2 across a veth link");
    }

    @Test
    void aStoppedRankOnTheOtherNodeFailsTheRunWithinItsTimeout() throws Exception {
        Process app = scalelab("--epochs", "50", "--rank-timeout", "3");
        List<ProcessHandle> ranks = ranksOnceTraining(app);
        ProcessHandle remote = ranks.stream().filter(rank -> rank.info().commandLine().orElse("").contains("niodev"))
                .filter(rank -> inNamespace(rank)).findFirst().orElseThrow();
        long stoppedAt = System.nanoTime();
        Signals.send("STOP", remote);
        String errors = endOf(app, ranks);
        double detected = (System.nanoTime() - stoppedAt) / 1e9;
        assertTrue(errors.contains("failed: rank 1 (pid " + remote.pid() + " on " + THERE + ") has sent nothing for 3."),
                errors);
        assertTrue(detected < 5, "took " + detected + " s");
    }

    @Test
    void cuttingTheLinkBetweenTheNodesFailsTheRunAsStuckWithinItsTimeout() throws Exception {
        Process app = scalelab("--epochs", "50", "--rank-timeout", "3");
        List<ProcessHandle> ranks = ranksOnceTraining(app);
        long cutAt = System.nanoTime();
        // The ranks' messages no longer arrive, but their heartbeats still do: the remote shell's pipe is local.
        assertTrue(run("ip", "link", "set", link, "down"), "cannot take the link down");
        String errors = endOf(app, ranks);
        double detected = (System.nanoTime() - cutAt) / 1e9;
        assertTrue(errors.contains("failed: no rank has made progress for 3."), errors);
        assertTrue(errors.contains("ranks 0 (pid "), errors);
        assertTrue(detected < 5, "took " + detected + " s");
    }

    /**
     * {@code scalelab train} with mpj on two ranks, one here and one in the namespace, in a JVM of its own. Its
     * standard error goes to a file: a pipe nobody reads would fill up with the progress bar and stop the run.
     */
    private Process scalelab(String... trainingArgs) throws IOException {
        Path hosts = Files.writeString(folder.resolve("hosts"), HERE + "\n" + THERE + "\n");
        // Stands in for ssh: "remote-shell HOST COMMAND" runs COMMAND on the node, here the namespace.
        Path shell = folder.resolve("remote-shell");
        Files.writeString(shell, "#!/bin/sh\nexec ip netns exec " + NAMESPACE + " sh -c \"exec $2\"\n");
        Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                Main.class.getName(), "train", "--dataset", "mnist-mini", "--model", "mlp-235k", "--batch", "64",
                "--lr", "0.05", "--optimizer", "momentum", "--seed", "3", "--strategy", "mpj", "--procs", "2",
                "--hosts", hosts.toString(), "--runs-dir", folder.resolve("runs").toString()));
        command.addAll(List.of(trainingArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errorsFile().toFile());
        builder.environment().put("SCALELAB_REMOTE_SHELL", shell.toString());
        return builder.start();
    }

    private Path errorsFile() {
        return folder.resolve("stderr.txt");
    }

    private String errorsOf(Process app) throws IOException {
        return Files.readString(errorsFile());
    }

    /** The rank processes, once the run has completed its first epoch. */
    private List<ProcessHandle> ranksOnceTraining(Process app) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("epoch 1/")) {
            line = out.readLine();
        }
        assertTrue(line != null, "the run ended before its first epoch: " + errorsOf(app));
        List<ProcessHandle> ranks = app.toHandle().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(RankMain.class.getName())).toList();
        assertEquals(2, ranks.size(), "rank processes");
        return ranks;
    }

    private static boolean inNamespace(ProcessHandle process) {
        try {
            return !Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "ns", "net"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the run to fail, checks that no rank outlives it, and returns what it said on stderr. */
    private String endOf(Process app, List<ProcessHandle> ranks) throws Exception {
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the run did not end");
        String errors = errorsOf(app);
        assertEquals(1, app.exitValue(), errors);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ranks.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (ProcessHandle rank : ranks) {
            assertFalse(rank.isAlive(), "rank " + rank.pid() + " outlived the run");
        }
        assertTrue(errors.lines().noneMatch(line -> line.strip().startsWith("at ")), "no stack trace: " + errors);
        return errors;
    }
}
