package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.parallel.launch.ChildJvm;

class BenchStartupCommandTest {

    /** On a login node or in CI without Xvfb: what to do, in one line, not a fault of ScaleLab's. */
    @Test
    void withoutADisplayItSaysToSetOneInOneLine() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(Main.class, List.of("bench", "startup", "--rounds", "1")));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process bench = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(bench.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bench.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, bench.exitValue(), err);
        // the JVM's own warning first, which the scalelab script drops (installer/check runs the script)
        assertEquals(List.of(ChildJvm.VECTOR_API_WARNING, "error: bench startup opens the workbench and needs a display: set"
                + " DISPLAY (e.g. Xvfb :99 & and DISPLAY=:99)"), err.lines().toList());
    }
}
