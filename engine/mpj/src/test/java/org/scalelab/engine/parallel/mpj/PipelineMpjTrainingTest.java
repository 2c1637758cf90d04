package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.cli.CommandRun;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.predict.OverlapScalingTest;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.training.RecordingListener;
import org.scalelab.engine.training.StrategyEquivalence;

/**
 * {@code --strategy pipeline} with real MPJ ranks (niodev child JVMs), each a stage: microbatches flow through the
 * stages forward and back, and the weights after 20 steps are the serial run's; the last stage reports, every stage
 * waits in the bubble, and the command line shows it; {@code predict --validate} sets such a run beside its prediction.
 */
class PipelineMpjTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    @TempDir
    Path dir;

    private static TrainingConfig pipeline(String model, int stages, int microbatches) {
        return twentySteps(model).with(STRATEGY, Strategy.PIPELINE).with(PROCS, stages).with(MICROBATCHES, microbatches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp-235k", "tinycnn-8"})
    void stagesPassingMicrobatchesOnReachTheSerialWeights(String model) throws IOException {
        float[] serial = runs.weights(twentySteps(model));
        assertSameWeights(serial, runs.weights(pipeline(model, 2, 4)), model + ", 2 stages × 4 microbatches");
        // microbatches of 21, 21 and 22 images; mlp-235k's first stage is flatten alone, which sends no gradient back
        assertSameWeights(serial, runs.weights(pipeline(model, 3, 3)), model + ", 3 stages × 3 microbatches");
    }

    /**
     * Batch normalisation normalises each microbatch by its own statistics, as GPipe does: one microbatch is the
     * serial run's whole batch, more are not (NetworkTest checks that their statistics share one running average).
     */
    @Test
    void batchNormalisedStagesReachTheSerialWeightsWithOneMicrobatch() throws IOException {
        Path architecture = dir.resolve("normalised.json");
        Files.writeString(architecture, """
                {"name": "normalised", "input": {"channels": 1, "height": 28, "width": 28}, "layers": [
                  {"type": "conv2d", "filters": 4, "kernel": 3, "padding": "same"}, {"type": "batchnorm"},
                  {"type": "relu"}, {"type": "maxpool2d", "size": 2}, {"type": "flatten"},
                  {"type": "dense", "units": 16}, {"type": "batchnorm"}, {"type": "relu"}, {"type": "dense", "units": 10}]}
                """);
        String model = architecture.toString();
        float[] serial = runs.weights(twentySteps(model));
        assertSameWeights(serial, runs.weights(pipeline(model, 2, 1)), "2 stages × 1 microbatch");
        float[] twoMicrobatches = runs.weights(pipeline(model, 2, 2));
        assertFalse(IntStream.range(0, serial.length).allMatch(i -> Math.abs(serial[i] - twoMicrobatches[i]) < 1e-4),
                "microbatches of 32 are normalised by their own statistics, not the batch of 64's");
    }

    @Test
    void theLastStageReportsTheLossAndEveryStageWaitsInTheBubble() throws IOException {
        RecordingListener listener = new RecordingListener();
        runs.weights(pipeline("mlp-235k", 2, 2), listener);
        List<StepCompleted> steps = listener.events(StepCompleted.class);
        assertEquals(20, steps.size());
        assertTrue(steps.stream().allMatch(step -> Double.isFinite(step.loss()) && step.images() == 64), steps.toString());
        EpochCompleted epoch = listener.events(EpochCompleted.class).get(0);
        assertTrue(Double.isFinite(epoch.trainLoss()) && epoch.testAccuracy() > 0.5, epoch.toString());
        assertEquals(List.of(0, 1), epoch.phases().stream().map(WorkerPhases::worker).toList());
        for (WorkerPhases stage : epoch.phases()) {
            assertTrue(stage.seconds().get(Phase.IDLE) > 0, "stage " + stage.worker() + " waits: " + stage.seconds());
            assertTrue(stage.seconds().get(Phase.FORWARD) > 0 && stage.seconds().get(Phase.BACKWARD) > 0);
            assertTrue(stage.seconds().get(Phase.COMMUNICATION) > 0, "activations and gradients travel");
        }
    }

    @Test
    void theCommandLineTrainsStagesAndShowsTheBubble() throws IOException {
        CommandRun train = CommandRun.of("train", "--runs-dir", dir.toString(), "--strategy", "pipeline", "--stages", "2",
                "--microbatches", "2", "--epochs", "1", "--steps-per-epoch", "5", "--json");
        assertEquals(0, train.exitCode(), train.err());
        String runId = Json.mapper().readTree(train.lastOutLine()).get("runId").asText();
        RunRecord record = new RunStore(dir).load(runId);
        assertEquals(2, record.config().parallelism().processes());
        assertEquals(2, record.config().parallelism().microbatches());
        CommandRun show = CommandRun.of("runs", "show", runId, "--runs-dir", dir.toString());
        assertTrue(show.out().contains("--strategy pipeline") && show.out().contains("--microbatches 2"), show.out());
        assertTrue(show.out().matches("(?s).*Bubble:    [0-9]+ % of the stages' training time idle \\(GPipe's bubble "
                + "for 2 stages × 2 microbatches: 33 %\\).*"), show.out());

        CommandRun tooMany = CommandRun.of("train", "--runs-dir", dir.toString(), "--strategy", "pipeline", "--stages", "7");
        assertEquals("error: --procs 7: expected at most 6 stages (--stages): mlp-235k has 6 layers, and a stage holds "
                + "one at least", tooMany.oneErrorLine());
    }

    @Test
    void predictValidatesThePipelineAgainstStagesThatTrainWithItsMicrobatches() throws IOException {
        Path calibration = OverlapScalingTest.savedCalibration(dir);
        CommandRun predict = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "pipeline", "--procs", "2", "--microbatches", "2", "--validate", "--steps", "5", "--warmup", "1", "--repeats",
                "1", "--json");
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.err().contains("measuring mlp-235k on mnist-mini, pipeline 2×1×2M"),
                "the stages train with the scenario's microbatches, not the default: " + predict.err());
        JsonNode report = Json.mapper().readTree(predict.lastOutLine());
        JsonNode check = report.get("validation").get(0);
        assertEquals(1, report.get("validation").size());
        // as PipelineScalingTest works it, at 2 microbatches of 32: the first stage's slots of 32 × 0.15 ms, two
        // computing and one the bubble, and the first microbatch's 32 × 256 activations forward and back
        double step = 3 * 4.8e-3 + 2 * (100e-6 + 32 * 256 * 4 * 1e-9);
        assertEquals(64 / step, check.get("predictedImagesPerSecond").asDouble(), 1e-6);
        double measured = check.get("measuredImagesPerSecond").asDouble();
        assertTrue(measured > 0, check.toString());
        assertEquals((64 / step - measured) / measured, check.get("error").asDouble(), 1e-9);
        assertFalse(check.has("failure"), check.toString());
    }
}
