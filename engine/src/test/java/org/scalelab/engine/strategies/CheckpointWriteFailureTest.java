package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.TrainingFixtures;

/** A checkpoint that cannot be written fails the run in one line and loses nothing of its record. */
class CheckpointWriteFailureTest {
    @TempDir
    Path folder;

    @Test
    void aCheckpointThatCannotBeWrittenFailsTheRunInOneLineAndTheRecordIsKept() throws IOException {
        RunStore store = new RunStore(folder.resolve("runs"));
        // Where a folder should be, a file: writing beneath it fails as a full or read-only disk would.
        Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "");
        Path checkpoint = notAFolder.resolve("run.checkpoint");
        RunPlan plan = TrainingFixtures.plan(TrainingFixtures.config().with(TrainingOptions.EPOCHS, 2)
                .with(TrainingOptions.CHECKPOINT_EVERY, 1)).checkpointingTo(checkpoint);
        CancellationToken cancellation = new CancellationToken();
        RunRecorder recorder = new RunRecorder(store, null, Set.of(), cancellation::abort);

        new InProcessTrainer().train(plan, recorder, cancellation);

        RunRecord record = store.load(plan.runId());
        assertEquals(RunStatus.FAILED, record.status());
        RunFailed failed = assertInstanceOf(RunFailed.class, record.events().get(record.events().size() - 1));
        assertTrue(failed.message().matches("cannot write the checkpoint of epoch 1 to " + java.util.regex.Pattern.quote(
                checkpoint.toString()) + ": .+; the run record is kept"), failed.message());
        assertTrue(failed.message().lines().count() == 1, failed.message());
        assertTrue(Files.exists(store.pathOf(plan.runId())));
    }
}
