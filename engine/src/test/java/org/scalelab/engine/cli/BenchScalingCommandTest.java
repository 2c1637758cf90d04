package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchScalingCommandTest {

    @Test
    void printsOneMarkdownRowPerCaseWithSpeedupEfficiencyAndPhases() {
        CommandRun run = CommandRun.of("bench", "scaling", "--models", "mlp-235k", "--strategies", "threads",
                "--workers", "2", "--steps", "3", "--repeats", "1", "--markdown");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("Machine: ") && lines.get(0).contains("logical cores"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Batch 64 (strong scaling), 3 steps per epoch, median of 1 timed epochs"), lines.get(1));
        assertEquals("| Model | Strategy P×T | Cores | img/s | Speedup | Efficiency | data | forward | backward | communication | update | idle |",
                lines.get(3));
        String serial = "\\| mlp-235k \\| serial 1×1%s \\| 1 \\| [\\d,]+ \\| \\d\\.\\d\\d× \\| \\d+ %% \\|( \\d+\\.\\d\\d \\|){6}";
        assertTrue(lines.get(5).matches(serial.formatted("")), lines.get(5));
        assertTrue(lines.get(6).matches("\\| mlp-235k \\| threads 1×2 \\| 2 \\| [\\d,]+ \\| \\d+\\.\\d\\d× \\| \\d+ % \\|( \\d+\\.\\d\\d \\|){6}"), lines.get(6));
        assertTrue(lines.get(7).matches(serial.formatted(" \\(again\\)")), lines.get(7));
        assertTrue(lines.get(5).contains("1.00×") || lines.get(7).contains("1.00×"), "speedup against the faster serial run");
        assertEquals(8, lines.size());
        assertTrue(run.err().contains("measuring mlp-235k on mnist-mini, threads 1×2"), run.err());
    }

    @Test
    void roundsLabelEachMeasurementAndEndWithTheSpreadOfEachCase() {
        CommandRun run = CommandRun.of("bench", "scaling", "--models", "mlp-235k", "--strategies", "threads",
                "--workers", "2", "--steps", "3", "--warmup", "2", "--repeats", "1", "--rounds", "2", "--markdown");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.get(1).contains("(before and after the cases of each round)"), lines.get(1));
        assertTrue(lines.get(1).contains("median of 1 timed epochs after 2 warm-up epochs"), lines.get(1));
        List<String> labels = lines.subList(5, 10).stream().map(line -> line.split(" \\| ")[1]).toList();
        assertEquals(List.of("serial 1×1 (before round 1)", "threads 1×2 (round 1 of 2)", "serial 1×1 (after round 1)",
                "threads 1×2 (round 2 of 2)", "serial 1×1 (after round 2)"), labels);
        assertEquals("Over the 2 rounds:", lines.get(11));
        assertEquals("| Model | Strategy P×T | Rounds | Median img/s | Median speedup | Lowest | Highest |", lines.get(13));
        assertTrue(lines.get(15).matches("\\| mlp-235k \\| serial 1×1 \\| 3 \\| [\\d,]+ \\| \\d\\.\\d\\d× \\| \\d\\.\\d\\d× \\| 1\\.00× \\|"),
                lines.get(15));
        assertTrue(lines.get(16).matches("\\| mlp-235k \\| threads 1×2 \\| 2 \\| [\\d,]+( \\| \\d+\\.\\d\\d×){3} \\|"), lines.get(16));
        assertTrue(run.err().contains("measuring mlp-235k on mnist-mini, threads 1×2 (round 2 of 2)"), run.err());
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("error: --steps 0: expected an integer ≥ 1", CommandRun.of("bench", "scaling", "--steps", "0").oneErrorLine());
        assertEquals("error: --rounds 0: expected an integer ≥ 1", CommandRun.of("bench", "scaling", "--rounds", "0").oneErrorLine());
        assertEquals("error: --warmup 0: expected an integer ≥ 1", CommandRun.of("bench", "scaling", "--warmup", "0").oneErrorLine());
        assertEquals("error: --workers [2, 0]: expected core counts ≥ 1",
                CommandRun.of("bench", "scaling", "--workers", "2,0").oneErrorLine());
        assertEquals("error: Invalid value for option '--strategies' (NAME): expected one of serial, intra-op, threads, "
                        + "mpj, hybrid, mpj-multicore, param-avg, async, pipeline but was 'openmp' (see: scalelab bench scaling --help)",
                CommandRun.of("bench", "scaling", "--strategies", "openmp").oneErrorLine());
        assertEquals("error: --models nope: expected a preset (mlp-235k, cnn-1m, lenet5, cnn-bn, cnn-32, tinycnn-8) or an architecture file",
                CommandRun.of("bench", "scaling", "--models", "nope").oneErrorLine());
    }
}
