package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The expected maximum of n standard normals against tabulated values (e.g. Harter 1961). */
class StragglerTest {

    @Test
    void expectedMaximaMatchTheTables() {
        assertEquals(0, Straggler.expectedMaxOfNormals(1), 1e-9);
        assertEquals(1 / Math.sqrt(Math.PI), Straggler.expectedMaxOfNormals(2), 1e-4); // 0.5642, exactly 1/√π
        assertEquals(0.8463, Straggler.expectedMaxOfNormals(3), 1e-3);
        assertEquals(1.0294, Straggler.expectedMaxOfNormals(4), 1e-3);
        assertEquals(1.4236, Straggler.expectedMaxOfNormals(8), 1e-3);
    }

    @Test
    void meetingLessOftenSpreadsTheWaitOverMoreSteps() {
        double everyStep = Straggler.waitSeconds(4, 0.002, 1);
        assertEquals(0.002 * 1.0294, everyStep, 1e-5);
        assertEquals(everyStep / 2, Straggler.waitSeconds(4, 0.002, 4), 1e-12);
    }
}
