package org.scalelab.engine.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.events.Json;

class StudyGridTest {

    private static StudyPlan plan(String json) throws Exception {
        return StudyPlans.parse(Json.mapper().readTree(json));
    }

    private static List<String> order(List<StudyCell> cells) {
        return cells.stream().map(cell -> cell.label() + "#" + cell.repeat()).toList();
    }

    @Test
    void aSerialBaselineIsAddedForEveryGlobalBatchAndTheProductOfTheAxesIsTheGrid() throws Exception {
        StudyPlan plan = plan("""
                {"name": "grid", "base": {"epochs": 1, "scaling": "weak", "batch": 16},
                 "configurations": [{"strategy": "threads", "threads": 2}, {"strategy": "mpj", "procs": 2}],
                 "batchSizes": [16, 32], "axes": {"lr": [0.01, 0.05]}}
                """);
        List<StudyCell> cells = StudyGrid.cells(plan, false, d -> true, 2);
        List<StudyCell> points = cells.stream().filter(c -> !c.baseline()).toList();
        assertEquals(2 * 2 * 2, points.size());
        assertEquals("threads 1×2 · batch 16 · lr 0.01", points.get(0).label());
        // Weak scaling doubles each global batch (32, 64); the lr axis makes each a configuration of its own.
        List<StudyCell> baselines = cells.stream().filter(StudyCell::baseline).toList();
        assertEquals(4, baselines.size());
        for (StudyCell baseline : baselines) {
            assertEquals(Strategy.SERIAL, baseline.config().parallelism().strategy());
            assertTrue(List.of(32, 64).contains(baseline.config().schedule().batchSize()));
        }
        points.forEach(point -> TrainingConfigs.assertHasBaseline(point, cells));
    }

    @Test
    void aPlansOwnSerialConfigurationIsItsBaseline() throws Exception {
        StudyPlan plan = plan("""
                {"name": "own", "base": {"allreduce": "ring-shm"},
                 "configurations": [{"strategy": "serial"}, {"strategy": "threads", "threads": 2}]}
                """);
        List<StudyCell> cells = StudyGrid.cells(plan, false, d -> true, 2);
        assertEquals(List.of("serial#0", "threads 1×2#0"), order(cells));
        assertTrue(cells.get(0).baseline());
    }

    @Test
    void repeatedBaselinesRunBeforeBetweenAndAfterThePoints() throws Exception {
        StudyPlan plan = plan("""
                {"name": "spread", "configurations": [{"strategy": "threads", "threads": 2},
                  {"strategy": "intra-op", "threads": 2}], "repeats": 3}
                """);
        assertEquals(List.of("serial#0", "threads 1×2#0", "intra-op 1×2#0", "threads 1×2#1", "serial#1",
                        "intra-op 1×2#1", "threads 1×2#2", "intra-op 1×2#2", "serial#2"),
                order(StudyGrid.cells(plan, false, d -> true, 2)));
    }

    @Test
    void quickAppliesThePlansShorteningAndCellsBeyondTheCoresAreFlagged() throws Exception {
        StudyPlan plan = plan("""
                {"name": "quick", "base": {"epochs": 20},
                 "configurations": [{"strategy": "threads", "threads": 2}, {"strategy": "mpj", "procs": 4}],
                 "quick": {"epochs": 1, "stepsPerEpoch": 10}}
                """);
        List<StudyCell> full = StudyGrid.cells(plan, false, d -> true, 2);
        List<StudyCell> quick = StudyGrid.cells(plan, true, d -> true, 2);
        assertEquals(20, full.get(1).config().schedule().epochs());
        assertEquals(1, quick.get(1).config().schedule().epochs());
        assertEquals(10, quick.get(1).config().schedule().stepLimit());
        assertFalse(quick.get(1).oversubscribed());
        assertTrue(quick.get(2).oversubscribed(), "4 ranks on 2 cores");
        assertFalse(StudyGrid.cells(plan, true, d -> true, 4).get(2).oversubscribed());

        // A study that allows it tells the oversubscribed cell's run so, which train would otherwise refuse.
        StudyRecord.Cell allowed = StudyRecord.Cell.of(quick.get(2), true);
        assertEquals(CellStatus.PENDING, allowed.status());
        assertTrue(allowed.config().placement().allowOversubscribe());
        assertFalse(StudyRecord.Cell.of(quick.get(1), true).config().placement().allowOversubscribe());
        assertEquals(CellStatus.SKIPPED, StudyRecord.Cell.of(quick.get(2), false).status());
    }

    @Test
    void aMissingDatasetFallsBackToRealDataWhenThePlanSaysHow() throws Exception {
        StudyPlan plan = plan("""
                {"name": "fallback", "base": {"dataset": "cifar10", "model": "cnn-1m"},
                 "fallback": {"whenMissing": "cifar10", "options": {"dataset": "fashion-mnist", "model": "mlp-235k"},
                              "note": "Fashion-MNIST stands in"}}
                """);
        StudyCell installed = StudyGrid.cells(plan, false, d -> true, 2).get(0);
        assertEquals("cifar10", installed.config().data().dataset());
        assertTrue(StudyGrid.substitution(plan, d -> true).isEmpty());
        StudyCell missing = StudyGrid.cells(plan, false, d -> !d.equals("cifar10"), 2).get(0);
        assertEquals("fashion-mnist", missing.config().data().dataset());
        assertEquals("mlp-235k", missing.config().model().name());
        assertEquals("Fashion-MNIST stands in",
                StudyGrid.substitution(plan, d -> !d.equals("cifar10")).orElseThrow().note());
    }

    /** A study allowed to oversubscribe tells those cells' runs so; that must not cost them their baseline. */
    @Test
    void anOversubscribedCellAllowedToRunKeepsTheSerialBaselineOfItsConfiguration() throws Exception {
        StudyPlan plan = plan("""
                {"schemaVersion": 1, "name": "p", "base": {"model": "mlp-235k", "batch": 64},
                 "configurations": [{"label": "8T", "strategy": "threads", "threads": 8}]}""");
        List<StudyCell> cells = StudyGrid.cells(plan, false, dataset -> true, 2);
        StudyCell point = cells.stream().filter(cell -> !cell.baseline()).findFirst().orElseThrow();
        StudyCell serial = cells.stream().filter(StudyCell::baseline).findFirst().orElseThrow();
        StudyRecord.Cell allowed = StudyRecord.Cell.of(point, true);
        assertTrue(allowed.config().placement().allowOversubscribe(), "the run is told it may start");
        assertEquals(StudyGrid.baselineFor(serial.config()), StudyGrid.baselineFor(allowed.config()));
    }

    /** One worker compresses nothing: every compression of a study is measured against the same serial run. */
    @Test
    void compressedConfigurationsShareOneSerialBaseline() throws Exception {
        StudyPlan plan = plan("""
                {"schemaVersion": 1, "name": "p", "base": {"model": "mlp-235k", "strategy": "mpj", "procs": 2},
                 "configurations": [{"label": "float32"}, {"label": "fp16", "compress": "fp16"},
                                    {"label": "top-k", "compress": "topk:0.01", "errorFeedback": false}]}""");
        List<StudyCell> cells = StudyGrid.cells(plan, false, dataset -> true, 2);
        assertEquals(1, cells.stream().filter(StudyCell::baseline).count(), cells.toString());
        assertEquals(4, cells.size());
    }
}
