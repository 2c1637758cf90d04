package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Sends POSIX signals that Java has no call for (SIGSTOP, SIGINT) with kill(1). */
final class Signals {
    private Signals() {
    }

    /**
     * Skips the calling test, saying why, where this JVM ignores SIGINT: the processes it starts inherit that, so no
     * Ctrl-C can reach them. A background job of a non-interactive shell ({@code mvn test &} in a script) starts so.
     */
    static void assumeCtrlCCanArrive() throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
                .findFirst().map(line -> line.substring("SigIgn:".length()).trim()).orElse("0");
        assumeFalse(new BigInteger(ignored, 16).testBit(1), // bit n-1 for signal n; SIGINT is 2
                "this JVM ignores SIGINT (SigIgn " + ignored + ", as a background job of a non-interactive shell does), "
                        + "and so would the processes it starts: no Ctrl-C can be tested here");
    }

    static void send(String signal, ProcessHandle process) throws IOException, InterruptedException {
        send(signal, List.of(process));
    }

    /** One kill(1) for all: they get the signal at practically the same moment, as a process group does. */
    static void send(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(process -> command.add(Long.toString(process.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kill.waitFor(), String.join(" ", command) + ": " + said);
    }
}
