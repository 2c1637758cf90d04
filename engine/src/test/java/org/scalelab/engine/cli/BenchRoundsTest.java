package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchRoundsTest {

    private static BenchMeasurement at(int threads, double imagesPerSecond) {
        return new BenchMeasurement("lenet5", 62_006, threads, 64, 20, 64_000 / imagesPerSecond, imagesPerSecond,
                imagesPerSecond / 1000, null);
    }

    /** Worked by hand: a slow second round moves both its measurements, not its speedup. */
    @Test
    void eachRoundsSpeedupDividesItsOwnMeasurementsAndFiguresAreMedians() {
        BenchRounds rounds = new BenchRounds(2);
        rounds.add(1, 0, at(1, 1000));
        rounds.add(1, 1, at(2, 1500));
        rounds.add(2, 1, at(2, 600));   // taken first in an even round
        rounds.add(2, 0, at(1, 500));
        rounds.add(3, 0, at(1, 900));
        rounds.add(3, 1, at(2, 1260));
        assertArrayEquals(new double[] {1.5, 1.2, 1.4}, rounds.speedups(), 1e-12);
        assertEquals(900, rounds.medianImagesPerSecond(0), 1e-9);
        assertEquals(1260, rounds.medianImagesPerSecond(1), 1e-9);
        assertEquals(1.26, rounds.medianGflops(1), 1e-12);
        assertEquals(1, rounds.any().threads());
    }
}
