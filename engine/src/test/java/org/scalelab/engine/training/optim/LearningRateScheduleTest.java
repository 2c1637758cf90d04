package org.scalelab.engine.training.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scalelab.engine.config.TrainingOptions.*;

import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.ScheduleKind;
import org.scalelab.engine.config.TrainingConfig;

class LearningRateScheduleTest {

    private static LearningRateSchedule schedule(TrainingConfig builder) {
        return LearningRateSchedule.of(builder.with(LR, 0.1));
    }

    @Test
    void constantNeverChanges() {
        LearningRateSchedule constant = schedule(TrainingConfig.defaults());
        assertEquals(0.1, constant.rate(1));
        assertEquals(0.1, constant.rate(50));
    }

    @Test
    void stepDropsByGammaEveryStepSizeEpochs() {
        LearningRateSchedule step = schedule(TrainingConfig.defaults().with(SCHEDULE, ScheduleKind.STEP).with(STEP_SIZE, 2).with(GAMMA, 0.5));
        assertEquals(0.1, step.rate(1), 1e-12);
        assertEquals(0.1, step.rate(2), 1e-12);
        assertEquals(0.05, step.rate(3), 1e-12);
        assertEquals(0.05, step.rate(4), 1e-12);
        assertEquals(0.025, step.rate(5), 1e-12);
    }

    @Test
    void cosineStartsAtTheBaseAndHalvesAtMidRun() {
        LearningRateSchedule cosine = schedule(TrainingConfig.defaults().with(SCHEDULE, ScheduleKind.COSINE).with(EPOCHS, 4));
        assertEquals(0.1, cosine.rate(1), 1e-12);                          // cos 0 = 1
        assertEquals(0.1 * 0.5 * (1 + Math.sqrt(0.5)), cosine.rate(2), 1e-12); // cos π/4
        assertEquals(0.05, cosine.rate(3), 1e-12);                         // cos π/2 = 0
        assertEquals(0.1 * 0.5 * (1 - Math.sqrt(0.5)), cosine.rate(4), 1e-12); // cos 3π/4
    }
}
