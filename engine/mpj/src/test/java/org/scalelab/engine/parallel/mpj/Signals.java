package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

/** Sends POSIX signals that Java has no call for (SIGSTOP, SIGCONT) with kill(1). */
final class Signals {
    private Signals() {
    }

    static void send(String signal, ProcessHandle process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + process.pid());
    }
}
