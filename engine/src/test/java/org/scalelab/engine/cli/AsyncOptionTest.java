package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.predict.OverlapScalingTest;

/** {@code --strategy async} and {@code --max-staleness}: what cannot work is refused in one line, before any rank starts. */
class AsyncOptionTest {
    @TempDir
    Path dir;

    private String error(String... args) {
        String[] train = new String[args.length + 3];
        train[0] = "train";
        train[1] = "--runs-dir";
        train[2] = dir.toString();
        System.arraycopy(args, 0, train, 3, args.length);
        return CommandRun.of(train).oneErrorLine();
    }

    @Test
    void badValuesAreRefusedInOneLineNamingTheOption() {
        assertEquals("error: --procs 1: expected at least 2 with strategy async: rank 0 serves the weights, the other "
                + "ranks compute gradients", error("--strategy", "async"));
        assertEquals("error: --max-staleness -1: expected an integer ≥ 0",
                error("--strategy", "async", "--procs", "3", "--max-staleness", "-1"));
        assertEquals("error: --max-staleness 2: applies to strategy async only",
                error("--strategy", "mpj", "--procs", "2", "--max-staleness", "2"));
        assertEquals("error: --compress fp16: compresses gradients that workers sum; strategy async sends each one "
                + "whole to its server", error("--strategy", "async", "--procs", "2", "--compress", "fp16"));
        assertEquals("error: --overlap true: applies only to strategies that allreduce gradients (threads, mpj, "
                + "mpj-multicore, hybrid), not async", error("--strategy", "async", "--procs", "2", "--overlap"));
    }

    @Test
    void theScalingModelSaysItDoesNotPredictAsync() throws Exception {
        Path calibration = OverlapScalingTest.savedCalibration(dir);
        assertEquals("error: the scaling model does not predict strategy async: its speed depends on how the workers' "
                + "pushes meet at the server; train it (Study I compares it with mpj)",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k", "--strategy",
                        "async", "--procs", "3").oneErrorLine());
    }
}
