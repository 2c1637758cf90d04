package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends POSIX signals that Java has no call for (SIGSTOP, SIGINT) with kill(1). */
final class Signals {
    private Signals() {
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
