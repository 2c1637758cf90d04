package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.Checkpoint;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.TrainingFixtures;

/**
 * A checkpoint that cannot be written fails the run in one line and loses nothing of its record; one whose writer
 * was killed leaves the one before.
 */
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

    /**
     * A writer killed part way (a rank killed while saving) leaves its hidden new file half written: the previous
     * checkpoint is still the one read, and the run's next checkpoint removes what the killed writer left.
     */
    @Test
    void aWriterKilledWhileSavingLeavesThePreviousCheckpointAndTheNextWriteRemovesItsFile() throws IOException {
        Path checkpoint = folder.resolve("run.checkpoint");
        train(1, checkpoint);
        byte[] whole = Files.readAllBytes(checkpoint);
        Path halfWritten = folder.resolve(".run.checkpoint-0b7e5a8e-5d1c-4d4e-9f7a-3c2b1a0f9e8d.tmp");
        Files.write(halfWritten, Arrays.copyOf(whole, whole.length / 2));

        assertEquals(1, Checkpoint.read(checkpoint).epoch(), "the previous checkpoint, whole");

        train(2, checkpoint);
        assertEquals(2, Checkpoint.read(checkpoint).epoch());
        assertFalse(Files.exists(halfWritten), "the killed writer's file is removed by the next write");
        try (var files = Files.list(folder)) {
            assertEquals(List.of("run.checkpoint"), files.map(file -> file.getFileName().toString()).toList());
        }
    }

    private static void train(int epochs, Path checkpoint) {
        RunPlan plan = TrainingFixtures.plan(TrainingFixtures.config().with(TrainingOptions.EPOCHS, epochs)
                .with(TrainingOptions.CHECKPOINT_EVERY, 1)).checkpointingTo(checkpoint);
        RunSummary summary = new InProcessTrainer().train(plan, event -> { }, new CancellationToken());
        assertEquals(RunStatus.FINISHED, summary.status());
    }
}
