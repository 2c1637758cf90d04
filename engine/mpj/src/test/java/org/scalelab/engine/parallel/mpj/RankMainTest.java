package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.parallel.launch.MpjInstallation;
import org.scalelab.engine.parallel.launch.RankProtocol;

class RankMainTest {

    @Test
    void aRankWhoseInitFailsExitsAndSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String conf = "#Number of Processes;2;#Protocol Switch Limit;131072;#Server Name;127.0.0.1;#Server Port;" + closedPort;
        String classPath = Stream.concat(Stream.of(System.getProperty("java.class.path")),
                MpjInstallation.detect().niodevJars().stream().map(Path::toString)).collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.javaBinary(),
                "-cp", classPath, RankMain.class.getName(), "0", conf, "niodev", "ring", CollectivesCheckTask.class.getName());
        builder.environment().put("MPJ_HOME", MpjInstallation.detect().home().toString());
        Process rank = builder.start();

        assertTrue(rank.waitFor(20, TimeUnit.SECONDS), "the rank hangs");
        assertEquals(RankProtocol.EXIT_FAILED, rank.exitValue());
        List<String> errors = new String(rank.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(errors.get(errors.size() - 1).startsWith(RankProtocol.FAILURE_PREFIX + "mpi.MPIException"), errors.toString());
    }
}
