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
    void roundsTakeTurnsAndGiveEachRoundsSpeedup() {
        CommandRun run = CommandRun.of("bench", "--models", "lenet5", "--rounds", "2", "--steps", "2", "--markdown");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertEquals("Medians of 2 rounds; a round's speedup divides its two measurements, taken one after the other.",
                lines.get(2));
        assertEquals("| Model | Parameters | Batch | 1 thread (img/s) | 2 threads (img/s) | Speedup 2 vs 1 | Speedup per round "
                + "| Of peak (1) | Of peak (2) |", lines.get(4));
        assertTrue(lines.get(6).matches("\\| lenet5 \\| 62,006 \\| 64 \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d\\d× "
                + "\\| \\d+\\.\\d\\d, \\d+\\.\\d\\d \\| \\d+ % \\| \\d+ % \\|"), lines.get(6));
        // the second round measures 2 threads first
        List<String> order = run.err().lines().filter(l -> l.startsWith("Measuring lenet5")).toList();
        assertEquals(List.of("Measuring lenet5 with 1 native thread…", "Measuring lenet5 with 2 native threads…",
                "Measuring lenet5 with 2 native threads…", "Measuring lenet5 with 1 native thread…"), order);
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("error: --steps 0: expected an integer ≥ 1", CommandRun.of("bench", "--steps", "0").oneErrorLine());
        assertEquals("error: --rounds 0: expected an integer ≥ 1", CommandRun.of("bench", "--rounds", "0").oneErrorLine());
        assertEquals("error: --threads [1, 0]: expected thread counts ≥ 1",
                CommandRun.of("bench", "--threads", "1,0").oneErrorLine());
        assertEquals("error: --models nope: expected a preset (mlp-235k, cnn-1m, lenet5, cnn-bn, cnn-32, tinycnn-8) or an architecture file",
                CommandRun.of("bench", "--models", "nope").oneErrorLine());
    }
}
