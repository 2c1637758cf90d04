package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void onlyTransportsOverTcpSpanHosts(@TempDir Path dir) throws IOException {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1\n");
        assertEquals("error: --transports smpdev-ring: cannot span hosts: with --hosts, expected niodev-builtin or niodev-ring",
                CommandRun.of("bench", "allreduce", "--hosts", hosts.toString(), "--transports", "smpdev-ring").oneErrorLine());
    }
}
