package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.AllreduceAlgorithm;

class RankCommandTest {

    @Test
    void shellWordsSurviveAShellUnchanged() throws Exception {
        String conf = "#Number of Processes;2;#Server Name;127.0.0.1 it's $HOME `x`";
        Process echo = new ProcessBuilder("sh", "-c", "printf %s " + RankCommand.shellWord(conf)).start();
        assertEquals(conf, new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void rankArgumentsRoundTrip() {
        RankProtocol.RankArguments arguments = RankProtocol.RankArguments.of(
                RankJobSpec.builder("org.example.Task", 2).taskArgs("a", "b").build(), Optional.empty());
        assertEquals(List.of("ring", "-", "org.example.Task", "a", "b"), arguments.toList());
        assertEquals(arguments, RankProtocol.RankArguments.parse(arguments.toList().toArray(String[]::new)));

        RankProtocol.RankArguments shm = new RankProtocol.RankArguments(AllreduceAlgorithm.RING_SHM,
                Optional.of(Path.of("/dev/shm/scalelab-ring-1-2")), "org.example.Task", List.of());
        assertEquals(List.of("ring-shm", "/dev/shm/scalelab-ring-1-2", "org.example.Task"), shm.toList());
        assertEquals(shm, RankProtocol.RankArguments.parse(shm.toList().toArray(String[]::new)));
    }

    /**
     * A rank on this host and one behind the remote shell get the same native settings: their thread count, and
     * OpenMP threads that sleep when idle (unless this process was given a policy) so they leave the cores free.
     */
    @Test
    void ranksHereAndOnOtherHostsGetTheirNativeThreadsAndAWaitPolicy() throws Exception {
        RankJobSpec spec = RankJobSpec.builder("org.example.Task", 2).nativeThreads(3).remoteShell(List.of("ssh")).build();
        RankCommand command = new RankCommand(spec, List.of(Path.of("/opt/app.jar")), Path.of("/usr/share/mpj"));
        String policy = System.getenv().getOrDefault("OMP_WAIT_POLICY", "PASSIVE");

        var local = command.forRank(HostSlot.resolve("localhost", 1), List.of("0")).environment();
        assertEquals(List.of("3", policy, "/usr/share/mpj"),
                List.of(local.get("OMP_NUM_THREADS"), local.get("OMP_WAIT_POLICY"), local.get("MPJ_HOME")));
        List<String> remote = command.forRank(new HostSlot("node2", InetAddress.getByName("192.0.2.7"), 1, false),
                List.of("1")).command();
        assertEquals(List.of("ssh", "node2"), remote.subList(0, 2));
        assertTrue(remote.get(2).startsWith("env MPJ_HOME='/usr/share/mpj' OMP_NUM_THREADS='3' OMP_WAIT_POLICY='" + policy
                + "' "), remote.get(2));
    }

    /** A rank's stdout carries its events, so the JVM's own warnings must not land there. */
    @Test
    void ranksWriteTheJvmsWarningsToStderr() throws Exception {
        RankCommand command = new RankCommand(RankJobSpec.builder("org.example.Task", 2).build(),
                List.of(Path.of("/opt/app.jar")), Path.of("/usr/share/mpj"));
        List<String> local = command.forRank(HostSlot.resolve("localhost", 1), List.of("0")).command();
        assertEquals(ChildJvm.JVM_WARNINGS_TO_STDERR, local.subList(1, 3));

        // A JVM started with those options and one that warns (no large pages here, or none asked for) prints only
        // what the program prints on stdout.
        List<String> java = new java.util.ArrayList<>(List.of(ChildJvm.javaBinary()));
        java.addAll(ChildJvm.JVM_WARNINGS_TO_STDERR);
        java.addAll(List.of("-XX:+UseLargePages", "-version"));
        Process version = new ProcessBuilder(java).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals("", new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, version.waitFor());
    }
}
