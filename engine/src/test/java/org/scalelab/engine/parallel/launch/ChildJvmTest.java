package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    /** Says whether it can use the Vector API, and writes a line of its own to stderr. */
    public static final class VectorApiChild {
        public static void main(String[] args) {
            System.out.println(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
            System.err.println("the child's own line");
        }
    }

    @Test
    void aChildHasTheVectorApiAndItsErrorsComeWithoutTheWarningAboutIt() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream relayed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(relayed, true, StandardCharsets.UTF_8));
        try {
            Process child = ChildJvm.start(VectorApiChild.class, List.of(), Map.of());
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals("true", out.strip(), "the child resolves jdk.incubator.vector");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (relayed.size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
        } finally {
            System.setErr(original);
        }
        assertEquals("the child's own line\n", relayed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theWarningDroppedIsTheOneSuchAJvmPrints() throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ChildJvm.javaBinary()));
        command.addAll(ChildJvm.VECTOR_API);
        command.add("-version");
        Process version = new ProcessBuilder(command).start();
        String err = new String(version.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, version.waitFor());
        assertEquals(ChildJvm.VECTOR_API_WARNING, err.lines().findFirst().orElseThrow(), err);
    }
}
