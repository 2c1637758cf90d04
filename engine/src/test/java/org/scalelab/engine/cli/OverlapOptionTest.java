package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.predict.OverlapScalingTest;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** {@code --overlap --bucket-kb} from the command line to the record, {@code runs show} and {@code predict}. */
class OverlapOptionTest {
    @TempDir
    Path dir;

    @Test
    void anOverlappedRunKeepsItsSettingsAndShowsHowMuchCommunicationWasHidden() throws Exception {
        CommandRun train = CommandRun.of("train", "--runs-dir", dir.toString(), "--epochs", "1", "--steps-per-epoch",
                "4", "--strategy", "threads", "--threads", "2", "--overlap", "--bucket-kb", "64", "--json");
        assertEquals(0, train.exitCode(), train.err());
        RunRecord record = new RunStore(dir).load(Json.mapper().readTree(train.lastOutLine()).get("runId").asText());
        assertTrue(record.config().parallelism().overlap());
        assertEquals(64, record.config().parallelism().bucketKb());

        CommandRun show = CommandRun.of("runs", "show", record.runId(), "--runs-dir", dir.toString());
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("--overlap --bucket-kb 64"), show.out());
        assertTrue(show.out().matches("(?s).*Exchange:  [0-9.]+ ms per step per worker: [0-9.]+ hidden behind the "
                + "backward pass, [0-9.]+ waited for \\([0-9]+ % hidden\\).*"), show.out());
    }

    @Test
    void strategiesWithoutAGradientAllreduceRefuseItInOneLine() {
        assertEquals("error: --overlap true: applies only to strategies that allreduce gradients (threads, mpj, "
                        + "mpj-multicore, hybrid), not serial",
                CommandRun.of("train", "--runs-dir", dir.toString(), "--overlap").oneErrorLine());
        assertEquals("error: --overlap true: overlaps the float32 allreduce; compressed gradients (--compress int8) are "
                        + "gathered whole after the backward pass",
                CommandRun.of("train", "--runs-dir", dir.toString(), "--strategy", "threads", "--threads", "2",
                        "--overlap", "--compress", "int8").oneErrorLine());
        assertTrue(CommandRun.of("train", "--runs-dir", dir.toString(), "--strategy", "threads", "--threads", "2",
                "--overlap", "--bucket-kb", "0").oneErrorLine().startsWith("error: --bucket-kb 0: expected an integer ≥ 1"));
    }

    @Test
    void predictSplitsTheAllreduceIntoHiddenAndWaited() throws Exception {
        Path calibration = OverlapScalingTest.savedCalibration(dir);
        CommandRun plain = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "mpj", "--procs", "2", "--json");
        CommandRun overlapped = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "mpj", "--procs", "2", "--overlap", "--bucket-kb", "1", "--json");
        assertEquals(0, overlapped.exitCode(), overlapped.err());
        JsonNode before = Json.mapper().readTree(plain.lastOutLine()).get("predictions").get(0);
        JsonNode after = Json.mapper().readTree(overlapped.lastOutLine()).get("predictions").get(0);
        assertEquals(0, before.get("hiddenSeconds").asDouble());
        assertTrue(after.get("hiddenSeconds").asDouble() > 0, after.toString());
        assertTrue(after.get("communicationSeconds").asDouble() < before.get("communicationSeconds").asDouble());

        CommandRun table = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "mpj", "--procs", "2", "--overlap");
        assertTrue(table.out().contains("Hidden"), table.out());
        assertEquals("error: --overlap true: applies only to strategies that allreduce gradients (threads, mpj, "
                + "mpj-multicore, hybrid), not param-avg", CommandRun.of("predict", "--calibration",
                calibration.toString(), "--strategy", "param-avg", "--overlap").oneErrorLine());
    }
}
