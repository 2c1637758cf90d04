package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.provenance.OwnerProcess;

/** A record saying "running" is believed only while the process writing it is alive. */
class RecordStateTest {
    @TempDir
    Path dir;

    @Test
    void aRecordWhoseProcessIsAliveIsRunning() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.running("r", OwnerProcess.current()));
        assertEquals(RunStatus.RUNNING, store.load("r").status());
        assertEquals(RunStatus.RUNNING, store.list().records().get(0).status());
    }

    @Test
    void aRecordWhoseProcessHasEndedIsInterruptedInEveryListingAndKeepsWhatItSaved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        RunStore store = new RunStore(dir);
        OwnerProcess here = OwnerProcess.current();
        store.save(RunRecords.running("r", new OwnerProcess(gone.pid(), here.host(), here.started())));

        RunRecord record = store.list().records().get(0);
        assertEquals(RunStatus.INTERRUPTED, record.status());
        assertEquals(RunStatus.INTERRUPTED, record.summary().status());
        assertEquals(1, record.summary().epochs(), "what was saved before the process went");
        assertEquals(RunStatus.INTERRUPTED, store.load("r").status());
    }

    /** Process ids are reused: a live process that started at another time is not the one that wrote the record. */
    @Test
    void aLiveProcessThatStartedAtAnotherTimeIsNotTheOwner() {
        RunStore store = new RunStore(dir);
        OwnerProcess here = OwnerProcess.current();
        store.save(RunRecords.running("r", new OwnerProcess(here.pid(), here.host(), "2001-01-01T00:00:00Z")));
        assertEquals(RunStatus.INTERRUPTED, store.load("r").status());
    }

    @Test
    void aProcessOfAnotherMachineCannotBeCheckedSoItsRunIsBelievedRunning() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.running("r", new OwnerProcess(1, "another-host.example", null)));
        assertEquals(RunStatus.RUNNING, store.load("r").status());
    }

    @Test
    void aRunningRecordThatNamesNoProcessWasWrittenBeforeOwnersWereKeptAndIsInterrupted() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.running("r", null));
        assertEquals(RunStatus.INTERRUPTED, store.load("r").status());
    }

    @Test
    void endedRecordsKeepTheirStatusWhateverBecameOfTheirProcess() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.finished("r"));
        assertEquals(RunStatus.FINISHED, store.load("r").status());
    }

    @Test
    void renamingAnInterruptedRecordKeepsItInterrupted() {
        RunStore store = new RunStore(dir);
        store.save(RunRecords.running("r", null));
        store.rename("r", "kept");
        RunRecord record = store.load("r");
        assertEquals("kept", record.name());
        assertEquals(RunStatus.INTERRUPTED, record.status());
    }
}
