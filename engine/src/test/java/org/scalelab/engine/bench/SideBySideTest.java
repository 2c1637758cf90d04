package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.training.Models;

class SideBySideTest {

    @Test
    void timesEveryTurnsStepsAloneAndBesideAndLeavesNoThreadBehind() throws InterruptedException {
        long start = System.nanoTime();
        SideBySide.Result result = SideBySide.measure(Models.resolve("mlp-235k"), 8, 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        // two rounds of two 0.1 s turns after a second's warm-up; steps of well under a millisecond
        assertTrue(seconds >= 1.4, seconds + " s");
        assertTrue(result.aloneMillis().length > 20, Arrays.toString(result.aloneMillis()));
        assertTrue(result.besideMillis().length > 20, Arrays.toString(result.besideMillis()));
        assertTrue(Arrays.stream(result.aloneMillis()).allMatch(millis -> millis > 0), Arrays.toString(result.aloneMillis()));
        assertTrue(Arrays.stream(result.besideMillis()).allMatch(millis -> millis > 0), Arrays.toString(result.besideMillis()));
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("side-by-side-neighbour")));
    }
}
