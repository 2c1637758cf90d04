package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import org.junit.jupiter.api.Test;

/** {@code --strategy pipeline --stages K --microbatches M}: what the options mean and what they refuse, in one line. */
class PipelineOptionsTest {
    private static TrainingConfig pipeline() {
        return TrainingConfig.defaults().with(STRATEGY, Strategy.PIPELINE).with(PROCS, 2).with(MICROBATCHES, 4);
    }

    @Test
    void stagesAreTheProcessesAndTheLastStageReports() {
        assertTrue(PROCS.cliNames().contains("--stages"), "--stages names P, the same option as --procs");
        TrainingConfig config = pipeline().validate();
        assertEquals(1, config.parallelism().reportingRank(), "the last stage computes the loss");
        assertEquals(0, config.with(STRATEGY, Strategy.MPJ).parallelism().reportingRank());
        assertEquals(new PipelineSchedule(2, 4), config.parallelism().pipeline().orElseThrow());
        assertTrue(config.with(STRATEGY, Strategy.MPJ).parallelism().pipeline().isEmpty());
        assertTrue(config.launchesProcesses(), "each stage a child JVM on niodev");
        assertEquals("pipeline 2P×1T×4M", config.parallelism().label());
        assertEquals(2, Strategy.PIPELINE.nativeThreadsPerWorker(2), "T native threads per stage");
    }

    @Test
    void whatAPipelineCannotDoIsRefusedNamingTheOption() {
        assertEquals("scaling weak: expected strong with strategy pipeline: its stages share every batch",
                message(pipeline().with(SCALING, Scaling.WEAK)));
        assertEquals("microbatches 65: expected at most --batch (64): every microbatch needs an image",
                message(pipeline().with(MICROBATCHES, 65)));
        assertEquals("microbatches 0: expected an integer ≥ 1", message(pipeline().with(MICROBATCHES, 0)));
        assertEquals("compress fp16: compresses gradients; strategy pipeline exchanges none (each stage updates its "
                + "own layers)", message(pipeline().with(COMPRESS, GradientCompression.parse("fp16"))));
        assertEquals("overlap true: applies only to strategies that allreduce gradients (threads, mpj, mpj-multicore, "
                + "hybrid), not pipeline", message(pipeline().with(OVERLAP, true)));
        assertEquals("minProcs 1: expected 0 or 2 with strategy pipeline: a relaunch needs every stage, for each holds "
                + "its own layers and their checkpoint", message(pipeline().with(RESTART_ON_FAILURE, 1).with(MIN_PROCS, 1)));
    }

    @Test
    void checkpointsAndRelaunchesOfEveryStageAreAllowed() {
        assertDoesNotThrow(pipeline().with(CHECKPOINT_EVERY, 1).with(RESTART_ON_FAILURE, 2).with(MIN_PROCS, 2)::validate);
    }

    private static String message(TrainingConfig config) {
        return assertThrows(ConfigException.class, config::validate).getMessage();
    }
}
