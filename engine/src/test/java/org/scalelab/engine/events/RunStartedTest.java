package org.scalelab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scalelab.engine.config.TrainingOptions.*;

import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.training.TrainingFixtures;

class RunStartedTest {

    @Test
    void stepsPerEpochCountTheShortLastBatch() {
        assertEquals(4, withTrainImages(TrainingFixtures.config().with(BATCH, 32), 100).stepsPerEpoch());
    }

    @Test
    void stepsPerEpochDivideByTheGlobalBatchUnderWeakScaling() {
        TrainingConfig weak = TrainingFixtures.config().with(BATCH, 32).with(STRATEGY, Strategy.THREADS).with(THREADS, 2)
                .with(SCALING, Scaling.WEAK);
        assertEquals(2, withTrainImages(weak, 100).stepsPerEpoch());
    }

    @Test
    void stepsPerEpochStopAtTheStepLimit() {
        assertEquals(3, withTrainImages(TrainingFixtures.config().with(BATCH, 32).with(STEPS_PER_EPOCH, 3), 10_000).stepsPerEpoch());
        assertEquals(4, withTrainImages(TrainingFixtures.config().with(BATCH, 32).with(STEPS_PER_EPOCH, 30), 100).stepsPerEpoch());
    }

    private static RunStarted withTrainImages(TrainingConfig config, int trainImages) {
        RunStarted sample = EventSamples.started("r");
        return new RunStarted(sample.runId(), sample.startedAt(), config, sample.architecture(),
                sample.parameterCount(), sample.dataset(), trainImages, sample.testImages(), sample.environment(),
                sample.provenance(), sample.oversubscribed());
    }
}
