package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.StepCompleted;

/**
 * Records saved before the event log, as one file: {@code v1-finished.json} is what {@code scalelab train
 * --epochs 2 --steps-per-epoch 3 --batch 64 --seed 1} wrote with schema 1 (and the flat configuration of then).
 */
class SchemaOneRecordTest {
    private static final String RUN_ID = "20261204-135402-mlp-235k-mnist-mini-deae";

    @TempDir
    Path dir;
    private RunStore store;

    @BeforeEach
    void copyTheSchemaOneRecord() throws IOException {
        store = new RunStore(dir);
        try (InputStream in = getClass().getResourceAsStream("v1-finished.json")) {
            Files.copy(in, store.pathOf(RUN_ID));
        }
    }

    @Test
    void listsAndLoadsWithEveryEvent() {
        RunListing listing = store.list();
        assertEquals(List.of(), listing.problems());
        RunRecord record = listing.records().get(0);
        assertEquals(record, store.load(RUN_ID));
        assertEquals(1, record.schemaVersion());
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(2, record.summary().epochs());
        assertEquals(64, record.config().schedule().batchSize());
        assertEquals(3, record.config().schedule().stepLimit());
        assertEquals(OptimizerKind.SGD, record.config().optimizer().kind());
        assertEquals("AMD EPYC", record.environment().cpuModel());
        assertEquals(10, record.events().size());
        assertEquals(null, ((RunStarted) record.events().get(0)).provenance(), "kept from schema 2 on");
        assertEquals(6, record.events().stream().filter(StepCompleted.class::isInstance).count());
        assertEquals(2, record.events().stream().filter(EpochCompleted.class::isInstance).count());
        assertTrue(record.events().get(9) instanceof RunFinished);
    }

    @Test
    void becomesASummaryAndALogWhenRenamed() throws IOException {
        RunRecord before = store.load(RUN_ID);
        store.rename(RUN_ID, "the old run");
        store.setTags(RUN_ID, Set.of("old"));

        RunRecord after = store.load(RUN_ID);
        assertEquals(RunRecord.SCHEMA_VERSION, after.schemaVersion());
        assertEquals("the old run", after.name());
        assertEquals(Set.of("old"), after.tags());
        assertEquals(before.events(), after.events());
        assertEquals(before.summary(), after.summary());
        assertEquals(before.config(), after.config());
        assertEquals(10, Files.readAllLines(store.eventLogOf(RUN_ID)).size());
        assertFalse(Files.readString(store.pathOf(RUN_ID)).contains("\"events\""));
    }

    @Test
    void isDeletedLikeAnyOther() {
        assertTrue(store.delete(RUN_ID));
        assertEquals(List.of(), store.list().records());
    }
}
