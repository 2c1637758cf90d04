package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.strategies.InProcessTrainer;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.TrainingFixtures;

class RunRecorderTest {
    @TempDir
    Path dir;

    @Test
    void savesWhileRunningSoThatACrashKeepsTheCompletedEpochs() {
        RunStore store = new RunStore(dir);
        RunRecorder recorder = new RunRecorder(store);
        List<RunStatus> statusAfterEachEpoch = new ArrayList<>();
        new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()), event -> {
            recorder.onEvent(event);
            if (event instanceof EpochCompleted) {
                RunRecord saved = store.load("test-run");
                statusAfterEachEpoch.add(saved.status());
                assertEquals(saved.summary().epochs(), saved.events().stream().filter(EpochCompleted.class::isInstance).count());
            }
        }, new CancellationToken());
        assertEquals(List.of(RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.RUNNING), statusAfterEachEpoch);
        RunRecord finished = store.load("test-run");
        assertEquals(RunStatus.FINISHED, finished.status());
        assertEquals(3, finished.summary().epochs());
        assertEquals(dir.resolve("test-run.json"), recorder.path().orElseThrow());
    }

    @Test
    void aCancelledRunIsSavedAsCancelledWithWhatWasDone() {
        RunStore store = new RunStore(dir);
        RunRecorder recorder = new RunRecorder(store);
        CancellationToken cancellation = new CancellationToken();
        new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()), event -> {
            recorder.onEvent(event);
            if (event instanceof StepCompleted step && step.globalStep() == 9) {
                cancellation.cancel();
            }
        }, cancellation);
        RunRecord saved = store.load("test-run");
        assertEquals(RunStatus.CANCELLED, saved.status());
        assertEquals(2, saved.summary().epochs());
        assertTrue(saved.summary().testAccuracy() > 0);
    }

    @Test
    void aFailingSaveIsRememberedNotThrown() {
        RunRecorder recorder = new RunRecorder(new RunStore(dir, (file, bytes) -> {
            throw new IOException("No space left on device");
        }));
        for (RunEvent event : org.scalelab.engine.events.EventSamples.all().subList(0, 4)) {
            recorder.onEvent(event);
        }
        assertTrue(recorder.path().isEmpty());
        assertTrue(recorder.saveFailure().orElseThrow().getMessage().contains("No space left on device"));
    }
}
