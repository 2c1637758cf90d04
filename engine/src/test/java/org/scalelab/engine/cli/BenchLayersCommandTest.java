package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchLayersCommandTest {

    @Test
    void printsEachLayersShareOfTheStepMeasuredInItsOwnJvm() {
        CommandRun run = CommandRun.of("bench", "layers", "--model", "mlp-235k", "--batch", "16", "--steps", "2", "--markdown");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("Machine: ") && lines.get(0).contains("logical cores"), lines.get(0));
        assertTrue(lines.get(1).matches("mlp-235k, batch 16, 1 native thread: \\d+\\.\\d\\d ms per step \\([\\d,]+ images/s\\), mean of 2 steps"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("Peak: ") && lines.get(2).contains(" GFLOP/s (sgemm 2048×2048, 1 native thread"),
                lines.get(2));
        assertTrue(lines.get(3).matches("The step's matrix work runs at \\d+\\.\\d GFLOP/s: \\d+ % of the peak"), lines.get(3));
        assertEquals("| # | Part | Output | Parameters | Forward ms | Backward ms | Share of step | Forward GFLOP/s | Backward GFLOP/s |",
                lines.get(5));
        assertTrue(lines.get(7).matches("\\|  \\| input to NHWC \\|  \\|  \\| \\d+\\.\\d\\d \\|  \\| \\d+\\.\\d % \\|  \\|  \\|"), lines.get(7));
        assertTrue(lines.get(8).matches("\\| 1 \\| flatten \\| 784 \\|  \\| \\d+\\.\\d\\d \\| 0\\.00 \\| \\d+\\.\\d % \\|  \\|  \\|"), lines.get(8));
        assertTrue(lines.get(9).matches("\\| 2 \\| dense \\| 256 \\| 200,960 \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d \\| \\d+\\.\\d % \\| \\d+\\.\\d \\| \\d+\\.\\d \\|"),
                lines.get(9));
        assertTrue(lines.get(15).startsWith("|  | SGD update |"), lines.get(15));
        double shares = lines.subList(7, 16).stream()
                .mapToDouble(line -> Double.parseDouble(line.replaceAll(".*\\| (\\d+\\.\\d) % \\|.*", "$1"))).sum();
        assertEquals(100, shares, 0.5);
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("error: --batch 0: expected an integer ≥ 1", CommandRun.of("bench", "layers", "--batch", "0").oneErrorLine());
        assertEquals("error: --model nope: expected a preset (mlp-235k, cnn-1m, lenet5, cnn-bn, cnn-32, tinycnn-8) or an architecture file",
                CommandRun.of("bench", "layers", "--model", "nope").oneErrorLine());
    }
}
