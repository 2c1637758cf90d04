package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.runs.RunListing;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** The real thing: {@code scalelab train} in its own JVM, stopped by a signal as Ctrl-C would. */
class CtrlCTest {
    @TempDir
    Path runs;

    @Test
    void aSignalCancelsTheRunAndTheRecordIsSavedAsCancelled() throws Exception {
        Process scalelab = ChildJvm.start(Main.class, List.of("train", "--epochs", "200", "--runs-dir", runs.toString()),
                Map.of("OMP_NUM_THREADS", "1"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(scalelab.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); !line.startsWith("epoch 1/200"); line = out.readLine()) {
                assertTrue(line != null, "scalelab ended before its first epoch");
            }
            // SIGTERM runs the JVM's shutdown hooks exactly as SIGINT (Ctrl-C) does.
            scalelab.destroy();
            assertTrue(scalelab.waitFor(30, TimeUnit.SECONDS), "scalelab did not stop");
        }

        RunListing listing = new RunStore(runs).list();
        assertEquals(List.of(), listing.problems());
        RunRecord record = listing.records().get(0);
        assertEquals(RunStatus.CANCELLED, record.status());
        assertTrue(record.summary().epochs() >= 1, "the completed epochs are kept: " + record.summary());
    }
}
