package org.scalelab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.training.TrainingFixtures;

class RunStartedTest {

    @Test
    void stepsPerEpochCountTheShortLastBatch() {
        assertEquals(4, withTrainImages(TrainingFixtures.config().batchSize(32), 100).stepsPerEpoch());
    }

    @Test
    void stepsPerEpochDivideByTheGlobalBatchUnderWeakScaling() {
        TrainingConfig.Builder weak = TrainingFixtures.config().batchSize(32).strategy(Strategy.THREADS).threads(2)
                .scaling(Scaling.WEAK);
        assertEquals(2, withTrainImages(weak, 100).stepsPerEpoch());
    }

    @Test
    void stepsPerEpochStopAtTheStepLimit() {
        assertEquals(3, withTrainImages(TrainingFixtures.config().batchSize(32).stepLimit(3), 10_000).stepsPerEpoch());
        assertEquals(4, withTrainImages(TrainingFixtures.config().batchSize(32).stepLimit(30), 100).stepsPerEpoch());
    }

    private static RunStarted withTrainImages(TrainingConfig.Builder config, int trainImages) {
        RunStarted sample = EventSamples.started("r");
        return new RunStarted(sample.runId(), sample.startedAt(), config.build(), sample.architecture(),
                sample.parameterCount(), sample.dataset(), trainImages, sample.testImages(), sample.environment());
    }
}
