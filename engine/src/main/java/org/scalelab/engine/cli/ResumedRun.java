package org.scalelab.engine.cli;

import java.nio.file.Path;
import java.util.List;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.training.Checkpoint;
import org.scalelab.engine.training.CheckpointException;
import org.scalelab.engine.training.Resumption;
import org.scalelab.engine.training.RunPlan;

/**
 * {@code train --resume RUN_ID}: a cancelled, failed or finished run goes on from its last checkpoint, to its
 * planned epochs or to {@code --epochs N}, with the configuration its record holds. Everything that would keep
 * it from going on exactly as it would have is refused here, in one line, before anything runs.
 *
 * @param record the run's record, which the resumed run appends to
 * @param plan   the run's plan: its id, its checkpoint's epochs so far, the epochs to go to
 */
record ResumedRun(RunRecord record, RunPlan plan) {

    /**
     * @param epochs the epochs to go on to, or null for the planned ones
     * @throws org.scalelab.engine.runs.RunStoreException when there is no such run
     * @throws CheckpointException when it has no checkpoint, an unreadable one, one of another configuration,
     *                             or one already at {@code epochs}
     */
    static ResumedRun prepare(RunStore store, String runId, Integer epochs, DatasetCatalog catalog) {
        RunRecord record = store.load(runId);
        if (record.status() == RunStatus.RUNNING) {
            throw new CheckpointException("run " + runId + " is still running; stop it before resuming it");
        }
        Path file = store.checkpointOf(runId);
        if (!java.nio.file.Files.exists(file)) {
            throw new CheckpointException("run " + runId + " has no checkpoint to resume from (" + file
                    + " does not exist; train with " + TrainingOptions.CHECKPOINT_EVERY.cliName() + " N to write one)");
        }
        Checkpoint checkpoint = Checkpoint.read(file);
        TrainingConfig recorded = record.config();
        if (!checkpoint.fits(recorded)) {
            throw new CheckpointException("the checkpoint " + file + " was written by a run of another configuration "
                    + "than run " + runId + "'s: " + checkpoint.differencesFrom(recorded));
        }
        int goal = epochs != null ? epochs : recorded.schedule().epochs();
        if (goal <= checkpoint.epoch()) {
            throw new CheckpointException("run " + runId + "'s checkpoint is after epoch " + checkpoint.epoch()
                    + ": nothing to resume to " + goal + " epochs (give " + TrainingOptions.EPOCHS.cliName() + " more)");
        }
        // Without the injected fault: it happened once, in the run's first life.
        TrainingConfig config = OptionValues.of(recorded).set(TrainingOptions.EPOCHS, goal)
                .reset(TrainingOptions.INJECT_FAULT).build().validate();
        List<EpochCompleted> done = record.completedEpochs();
        List<EpochCompleted> earlier = done.subList(0, Math.min(checkpoint.epoch(), done.size()));
        RunPlan plan = RunPlan.prepare(config, catalog).checkpointingTo(file)
                .resuming(runId, config, new Resumption(checkpoint.epoch(), earlier));
        return new ResumedRun(record, plan);
    }
}
