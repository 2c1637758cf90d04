package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.StepCompleted;

class RunProgressTest {

    /** A short run as recorded: its first step took 4 s of warm-up, every later one 0.1 s. */
    @Test
    void theEtaGoesAtThePaceAfterTheFirstStepsWarmUp() {
        TrainingConfig config = TrainingConfig.defaults().with(TrainingOptions.EPOCHS, 1);
        RunProgress progress = RunProgress.started(new RunStarted("short", Instant.now().toString(), config, null, 0,
                null, 151 * config.globalBatchSize(), 1000, null, null, false));
        assertEquals("ETA –", progress.etaText(1));
        progress = progress.after(new StepCompleted(1, 1, 1, 2.3, 0.1, 64, 4.0));
        assertEquals("ETA –", progress.etaText(1), "no pace from one step");
        for (int step = 2; step <= 51; step++) {
            progress = progress.after(new StepCompleted(1, step, step, 2.0, 0.2, 64, 4.0 + 0.1 * (step - 1)));
        }
        assertEquals("ETA 0:10", progress.etaText(1), "100 steps left at 0.1 s, not 151 at the first step's 4 s");
        assertEquals("Elapsed 0:09", progress.elapsedText());
        assertEquals("ETA 0:01", progress.etaText(10), "a replay at 10× ends in a tenth of the run's time left");
        assertEquals("ETA 0:00", progress.etaText(Double.POSITIVE_INFINITY), "a replay at full speed ends now");
    }
}
