package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void measuresEachThreadCountInItsOwnJvmAndPrintsAMarkdownTable() {
        CommandRun run = CommandRun.of("bench", "--models", "mlp-235k", "--threads", "1,2", "--steps", "2", "--markdown");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("Machine: ") && lines.get(0).contains("logical cores"), lines.get(0));
        assertTrue(lines.get(1).matches("Peak: \\d+\\.\\d GFLOP/s \\(sgemm 2048×2048, 1 native thread, median of 10 products: .*"
                + "; with N threads, N times it"), lines.get(1));
        assertEquals("| Model | Parameters | Batch | 1 thread (img/s) | 2 threads (img/s) | Speedup 2 vs 1 | Of peak (1) "
                + "| Of peak (2) |", lines.get(3));
        assertEquals("|---|---:|---:|---:|---:|---:|---:|---:|", lines.get(4));
        assertTrue(lines.get(5).matches("\\| mlp-235k \\| 235,146 \\| 64 \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d\\d× \\| \\d+ % "
                + "\\| \\d+ % \\|"), lines.get(5));
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("error: --steps 0: expected an integer ≥ 1", CommandRun.of("bench", "--steps", "0").oneErrorLine());
        assertEquals("error: --threads [1, 0]: expected thread counts ≥ 1",
                CommandRun.of("bench", "--threads", "1,0").oneErrorLine());
        assertEquals("error: --models nope: expected a preset (mlp-235k, cnn-1m, lenet5, cnn-bn, cnn-32, tinycnn-8) or an architecture file",
                CommandRun.of("bench", "--models", "nope").oneErrorLine());
    }
}
