package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchAllreduceCommandTest {

    @Test
    void measuresSharedMemoryThreadsWithoutMpj() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new BenchAllreduceCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(new StringWriter()));
        int status = command.execute("--transports", "threads", "--ranks", "1,3", "--sizes", "10,1001",
                "--warmup", "1", "--repeats", "3");

        assertEquals(0, status, out.toString());
        String[] lines = out.toString().lines().toArray(String[]::new);
        assertTrue(lines[3].matches(" *floats +ranks +threads, shared memory"), lines[3]);
        assertEquals(5 + 3, lines.length, out.toString());
        assertTrue(lines[7].matches(" *1,001 +3 +\\d+\\.\\d\\d"), lines[7]);
    }

    @Test
    void anUnknownTransportIsRefused() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new BenchAllreduceCommand()).setErr(new PrintWriter(err))
                .execute("--transports", "carrier-pigeon");
        assertTrue(status != 0);
    }
}
