package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slowest of W workers from a measured distribution, against values worked by hand and the normal's tables. */
class StepDistributionTest {

    @Test
    void theSlowestOfSeveralWorkersIsWorkedOutFromTheQuantiles() {
        StepDistribution twoPoint = new StepDistribution(new double[] {0.9, 1.1});
        assertEquals(1, twoPoint.mean(), 1e-12);
        assertEquals(0, twoPoint.lagOfSlowest(1, 1), 1e-12);
        // the slower of two is 1.1 unless both are 0.9 (one time in four): 1.05
        assertEquals(0.05, twoPoint.lagOfSlowest(2, 1), 1e-12);
        // of four, 0.9 only one time in sixteen: 1.1 − 0.2/16
        assertEquals(0.1 - 0.2 / 16, twoPoint.lagOfSlowest(4, 1), 1e-12);
        // meeting every 4 steps: the sum of 4 steps deviates √4 times one step's, spread over 4 steps
        assertEquals(0.025, twoPoint.lagOfSlowest(2, 4), 1e-12);
        assertEquals(0, StepDistribution.STEADY.lagOfSlowest(64, 1), 1e-12);
    }

    @Test
    void aNormalsQuantilesGiveTheTabulatedExpectedMaxima() {
        Random random = new Random(3);
        double[] steps = new double[200_000];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 1 + 0.05 * random.nextGaussian();
        }
        StepDistribution normal = StepDistribution.of(steps, 1);
        // E[max of n standard normals] (Harter 1961): 0.5642 for 2, 1.0294 for 4; 64 quantiles cut the far tail a little
        assertEquals(0.05 * 0.5642, normal.lagOfSlowest(2, 1), 0.05 * 0.02);
        assertEquals(0.05 * 1.0294, normal.lagOfSlowest(4, 1), 0.05 * 0.04);
    }

    @Test
    void aLongTailMakesTheSlowestLaterThanANormalOfTheSameMiddle() {
        // nine steps in ten at 1.0 ± 0.02, one in ten twice as long: the middle half hardly spreads
        double[] steps = new double[1000];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i % 10 == 9 ? 2 : 0.98 + 0.04 * (i % 10) / 9;
        }
        StepDistribution tailed = StepDistribution.of(steps, 1);
        // the slower of two hits a long step 19 times in 100: about 0.19 · 1 past the short ones, less the mean's 0.1
        assertEquals(0.09, tailed.lagOfSlowest(2, 1), 0.02);
        assertTrue(tailed.lagOfSlowest(2, 1) > 3 * 0.02 * 0.5642);
    }

    @Test
    void stepsAreKeptOverTheirReferenceAsAtMostSixtyFourQuantiles() {
        StepDistribution few = StepDistribution.of(new double[] {30, 10, 20}, 20);
        assertArrayEquals(new double[] {0.5, 1, 1.5}, few.quantiles(), 1e-12);
        double[] many = new double[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1000 - i;
        }
        StepDistribution kept = StepDistribution.of(many, 500.5);
        assertEquals(StepDistribution.MAX_QUANTILES, kept.quantiles().length);
        assertEquals(1, kept.mean(), 1e-3);
    }

    @Test
    void quantilesMustAscendAndBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StepDistribution(new double[] {1.1, 0.9}));
        assertThrows(IllegalArgumentException.class, () -> new StepDistribution(new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new StepDistribution(new double[0]));
    }
}
