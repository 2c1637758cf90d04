package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * through a remote shell, as on a cluster. Needs root and iproute2; skipped elsewhere.
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
        Path hosts = Files.writeString(folder.resolve("hosts"), HERE + "\n" + THERE + "\n");
        // Stands in for ssh: "remote-shell HOST COMMAND" runs COMMAND on the node, here the namespace.
        Path shell = folder.resolve("remote-shell");
        Files.writeString(shell, "#!/bin/sh\nexec ip netns exec " + NAMESPACE + " sh -c \"$2\"\n");
        Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwx------"));
        Path weights = folder.resolve("weights.bin");

        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                Main.class.getName(), "train", "--dataset", "mnist-mini", "--model", "mlp-235k", "--epochs", "1",
                "--steps-per-epoch", "20", "--batch", "64", "--lr", "0.05", "--optimizer", "momentum", "--seed", "3",
                "--strategy", "mpj", "--procs", "2", "--hosts", hosts.toString(), "--save-weights", weights.toString(),
                "--runs-dir", folder.resolve("runs").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SCALELAB_REMOTE_SHELL", shell.toString());
        Process app = builder.start();
        String errors = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the run did not end within 2 minutes");
        assertEquals(0, app.exitValue(), errors);

        float[] serial = new StrategyEquivalence(new DatasetCatalog(), folder).weights(twentySteps("mlp-235k"));
        assertSameWeights(serial, WeightsFile.read(weights), "mpj 2 across a veth link");
    }
}
