package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPeakCommandTest {

    @Test
    void measuresTheSgemmRateInItsOwnJvm() {
        CommandRun run = CommandRun.of("bench", "peak", "--size", "256");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("Machine: "), lines.get(0));
        assertTrue(lines.get(1).matches("Peak: \\d+\\.\\d GFLOP/s \\(sgemm 256×256, 1 native thread, median of 10 products: "
                + "\\d+\\.\\d ms\\)"), lines.get(1));
        double gflops = Double.parseDouble(lines.get(1).replaceAll("Peak: (\\S+) .*", "$1"));
        assertTrue(gflops > 0.5 && gflops < 10_000, "a believable rate: " + gflops);
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("error: --size 0: expected an integer ≥ 1", CommandRun.of("bench", "peak", "--size", "0").oneErrorLine());
    }
}
