package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    /** A child that would run for a minute unless its parent goes away. */
    public static final class SleepingChild {
        public static void main(String[] args) throws InterruptedException {
            ParentWatch.exitWhenParentGoes();
            System.out.println("ready " + System.getenv("SCALELAB_TEST_VALUE"));
            Thread.sleep(60_000);
        }
    }

    @Test
    void aChildEndsWhenItsParentsEndOfTheStdinPipeCloses() throws Exception {
        Process child = ChildJvm.start(SleepingChild.class, List.of(), Map.of("SCALELAB_TEST_VALUE", "42"));
        try {
            String ready = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
            assertEquals("ready 42", ready, "the child gets the extra environment");
            child.getOutputStream().close(); // what the OS does when the parent dies
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child should halt once its parent is gone");
            assertEquals(ParentWatch.EXIT_PARENT_GONE, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }
}
