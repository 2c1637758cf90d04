package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** {@code --compress} and {@code --no-error-feedback} from the command line to the record and back. */
class CompressOptionTest {
    @TempDir
    Path dir;

    @Test
    void aCompressedRunKeepsItsSettingsAndShowsWhatItSent() throws Exception {
        CommandRun train = CommandRun.of("train", "--runs-dir", dir.toString(), "--epochs", "1", "--steps-per-epoch",
                "4", "--strategy", "threads", "--threads", "2", "--compress", "topk:0.1", "--no-error-feedback", "--json");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode result = Json.mapper().readTree(train.lastOutLine());
        RunRecord record = new RunStore(dir).load(result.get("runId").asText());
        assertEquals(GradientCompression.parse("topk:0.1"), record.config().parallelism().compression());
        assertFalse(record.config().parallelism().errorFeedback());

        CommandRun show = CommandRun.of("runs", "show", record.runId(), "--runs-dir", dir.toString());
        assertEquals(0, show.exitCode(), show.err());
        // 23,515 kept entries of 235,146, 8 bytes each.
        assertTrue(show.out().contains("Sent:      188,120 bytes per step per worker (topk:0.1: 5.0× fewer than "
                + "float32's 940,584)"), show.out());
        assertTrue(show.out().contains("--compress topk:0.1 --no-error-feedback"), show.out());
    }

    @Test
    void predictChargesTheCompressedBytesAndReadsTheOptionAsTrainDoes() throws Exception {
        Path calibration = dir.resolve("calibration.json");
        PredictCommandTest.calibrationFor(MachineDescription.current()).save(calibration);
        CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "mpj", "--procs", "2", "--compress", "topk:0.01", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode two = Json.mapper().readTree(run.lastOutLine()).get("predictions").get(0);
        // 2,352 pairs of 8 B = 18,816 B: one block of 100 µs + 18,816 B · 1 ns (γ = 0 in this calibration)
        assertEquals(100e-6 + 18_816e-9, two.get("communicationSeconds").asDouble(), 1e-12);

        assertEquals("error: Invalid value for option '--compress': 'topk:2': expected " + GradientCompression.CHOICES
                + " (see: scalelab predict --help)", CommandRun.of("predict", "--calibration", calibration.toString(),
                "--compress", "topk:2").oneErrorLine());
        assertEquals("error: --validate true: measures uncompressed gradients only; leave out --compress",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--compress", "fp16", "--validate")
                        .oneErrorLine());
    }

    @Test
    void errorFeedbackIsOnUnlessTurnedOff() throws Exception {
        CommandRun train = CommandRun.of("train", "--runs-dir", dir.toString(), "--epochs", "1", "--steps-per-epoch",
                "2", "--compress", "fp16", "--error-feedback", "--json");
        assertEquals(0, train.exitCode(), train.err());
        RunRecord record = new RunStore(dir).load(Json.mapper().readTree(train.lastOutLine()).get("runId").asText());
        assertTrue(record.config().parallelism().errorFeedback());
    }
}
