package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** What {@code scalelab train} refuses, or warns about, before anything starts. */
class TrainLimitsTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("runs");
    }

    private CommandRun train(String... args) {
        String[] all = Stream.concat(Stream.of("train", "--runs-dir", runs().toString()), Stream.of(args))
                .toArray(String[]::new);
        return CommandRun.of(all);
    }

    /** Refused: exit 2, one line, nothing trained and no record. */
    private String refusal(CommandRun run) throws IOException {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(runs()) && Files.list(runs()).findAny().isPresent(), "a record was written");
        return run.oneErrorLine();
    }

    @Test
    void farMoreWorkersThanCoresAreRefusedWithTheFiguresAndTheOverride() throws IOException {
        int threads = 8 * CORES + 1;
        String error = refusal(train("--strategy", "threads", "--threads", Integer.toString(threads)));
        assertEquals(String.format("error: --threads %d: %d workers on %d cores is more than this run may ask "
                + "(at most 8 per core, %d); use fewer, or --allow-oversubscribe to start anyway", threads, threads,
                CORES, 8 * CORES), error);
    }

    @Test
    void moreWorkersThanCoresStartWithAWarningAndTheRecordSaysOversubscribed() throws IOException {
        int threads = CORES + 1;
        CommandRun run = train("--strategy", "threads", "--threads", Integer.toString(threads), "--epochs", "1",
                "--steps-per-epoch", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(String.format("warning: oversubscribed: %d workers (processes × threads) on %d "
                + "cores", threads, CORES)), run.err());
        RunRecord record = new RunStore(runs()).list().records().get(0);
        assertTrue(((RunStarted) record.events().get(0)).oversubscribed());

        CommandRun fits = train("--epochs", "1", "--steps-per-epoch", "2");
        assertFalse(fits.err().contains("oversubscribed"), fits.err());
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefused() throws IOException {
        assertEquals("error: --batch 8001: is larger than the training set: mnist-mini has 8,000 training images",
                refusal(train("--batch", "8001")));
        assertEquals("error: --batch 4000: is larger than the training set (× 3 workers with weak scaling: 12000): "
                + "mnist-mini has 8,000 training images", refusal(train("--batch", "4000", "--strategy", "threads",
                "--threads", "3", "--scaling", "weak")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "localhost 0          | line 1: slots must be a positive whole number, got '0'",
            "localhost slots=two  | line 1: slots must be a positive whole number, got 'two'",
            "no-such-host.invalid | line 1: unknown host 'no-such-host.invalid'",
            "# only a comment     | names no host",
    })
    void aFaultyHostsFileIsRefusedBeforeAnythingStarts(String content, String problem) throws IOException {
        Path hosts = Files.writeString(dir.resolve("hosts"), content + "\n");
        assertEquals("error: --hosts " + hosts + ": " + problem,
                refusal(train("--strategy", "mpj", "--procs", "2", "--hosts", hosts.toString())));
    }

    @Test
    void aMissingHostsFileIsRefusedBeforeAnythingStarts() throws IOException {
        Path hosts = dir.resolve("no-such-hosts");
        assertEquals("error: --hosts " + hosts + ": there is no such file",
                refusal(train("--strategy", "mpj", "--procs", "2", "--hosts", hosts.toString())));
    }
}
