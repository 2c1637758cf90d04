package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.runs.RunListing;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** The real thing: {@code scalelab train} in its own JVM, stopped by a signal as Ctrl-C would, or killed. */
class CtrlCTest {
    @TempDir
    Path runs;

    @Test
    void aSignalCancelsTheRunAndTheRecordIsSavedAsCancelled() throws Exception {
        Process scalelab = trainUntil("epoch 1/200");
        // SIGTERM runs the JVM's shutdown hooks exactly as SIGINT (Ctrl-C) does.
        scalelab.destroy();
        RunRecord record = recordOnceStopped(scalelab);
        assertEquals(RunStatus.CANCELLED, record.status());
        assertTrue(record.summary().epochs() >= 1, "the completed epochs are kept: " + record.summary());
    }

    @Test
    void aKilledRunIsListedAsInterruptedWithTheEventsItSaved() throws Exception {
        Process scalelab = trainUntil("epoch 2/200");
        RunRecord whileAlive = new RunStore(runs).list().records().get(0);
        assertEquals(RunStatus.RUNNING, whileAlive.status(), "another process lists a live run as running");
        assertEquals(scalelab.pid(), whileAlive.owner().pid());
        // SIGKILL: no shutdown hook, no last event; the record is left as a crash leaves it.
        scalelab.destroyForcibly();
        RunRecord record = recordOnceStopped(scalelab);
        assertEquals(RunStatus.INTERRUPTED, record.status(), "its process is gone, so it is not running");
        assertEquals(RunStatus.INTERRUPTED, record.summary().status());
        assertInstanceOf(RunStarted.class, record.events().get(0));
        long epochs = record.events().stream().filter(EpochCompleted.class::isInstance).count();
        assertTrue(epochs >= 1, "the first epoch was saved before the second ended");
        assertEquals(epochs, record.summary().epochs());
    }

    /** Waits for the stopped run to end and returns its record, which must list without problems. */
    private RunRecord recordOnceStopped(Process scalelab) throws InterruptedException {
        assertTrue(scalelab.waitFor(30, TimeUnit.SECONDS), "scalelab did not stop");
        RunListing listing = new RunStore(runs).list();
        assertEquals(List.of(), listing.problems());
        return listing.records().get(0);
    }

    /** Starts a long run and reads its output until a line starts with {@code line}. */
    private Process trainUntil(String line) throws IOException {
        Process scalelab = ChildJvm.start(Main.class, List.of("train", "--epochs", "200", "--runs-dir", runs.toString()),
                Map.of("OMP_NUM_THREADS", "1"));
        BufferedReader out = new BufferedReader(new InputStreamReader(scalelab.getInputStream(), StandardCharsets.UTF_8));
        String read;
        do {
            read = out.readLine();
            assertTrue(read != null, "scalelab ended before printing " + line);
        } while (!read.startsWith(line));
        return scalelab;
    }
}
