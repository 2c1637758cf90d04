package org.scalelab.engine.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.events.Json;

class StudyPlansTest {
    private static final Path READY_PLANS = Path.of("../experiments/plans");

    @TempDir
    Path folder;

    @Test
    void everyReadyPlanReadsAndExpandsIntoCellsWithTheirBaselines() throws IOException {
        List<Path> plans;
        try (Stream<Path> files = Files.list(READY_PLANS)) {
            plans = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(plans.size() >= 6, "plans for studies A to E: " + plans);
        for (Path file : plans) {
            StudyPlan plan = StudyPlans.read(file);
            assertFalse(plan.expectedDuration().isEmpty(), file + " states how long it takes");
            if (!List.of("study-c-batch.json", "study-f-faults.json", "study-i-async.json")
                    .contains(file.getFileName().toString())) {
                // each reference study asks what more cores or a cluster would do; C's batch sweep asks about
                // batches, and F's faults and I's async are not in the scaling model
                assertTrue(StudyPlans.prediction(Json.mapper().readTree(file.toFile())).isPresent(), file + " predicts beyond");
            }
            List<StudyCell> cells = StudyGrid.cells(plan, true, dataset -> false, 2);
            assertTrue(cells.stream().anyMatch(StudyCell::baseline), file + " has a serial baseline");
            for (StudyCell cell : cells) {
                cell.config().validate();
                if (!cell.baseline()) {
                    TrainingConfigs.assertHasBaseline(cell, cells);
                }
            }
        }
    }

    @Test
    void anArchitectureFileIsFoundBesideThePlan() {
        StudyPlan plan = StudyPlans.read(READY_PLANS.resolve("study-a-cnn.json"));
        StudyCell first = StudyGrid.cells(plan, false, dataset -> false, 2).get(0);
        Path model = Path.of(first.config().model().name());
        assertTrue(model.isAbsolute() && Files.isRegularFile(model), model.toString());
    }

    @Test
    void aPlanMayAskForPredictedCellsBeyondTheMachine() throws IOException {
        Path file = Files.writeString(folder.resolve("plan.json"), """
                {"name": "x", "configurations": [{"strategy": "mpj", "procs": 2}],
                 "predict": {"procs": [4, 8], "coresPerHost": 4, "network": "10gbe"}}
                """);
        assertEquals(new StudyPlan.Prediction(List.of(4, 8), List.of(), 4, "10gbe"), StudyPlans.read(file).predict().orElseThrow());
        Path without = Files.writeString(folder.resolve("without.json"), "{\"name\": \"x\"}");
        assertTrue(StudyPlans.read(without).predict().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"x\", \"base\": {\"batchsize\": 3}}"
                    + "| base.batchsize: is not an option; expected one of",
            "{\"name\": \"x\", \"configurations\": [{}, {}, {}, {\"procs\": \"four\"}]}"
                    + "| configurations[3].procs 'four': expected an integer",
            "{\"name\": \"x\", \"configurations\": [{\"strategy\": \"mpi\"}]}"
                    + "| configurations[0].strategy 'mpi': expected one of serial, intra-op",
            "{\"name\": \"x\", \"batchSizes\": [8, 0]}| batchSizes[1] 0: expected an integer ≥ 1",
            "{\"name\": \"x\", \"axes\": {\"lr\": [0.1, \"fast\"]}}| axes.lr[1] 'fast': expected a number",
            "{\"name\": \"x\", \"axes\": {\"speed\": [1]}}| axes.speed: is not an option",
            "{\"name\": \"x\", \"repeats\": 0}| repeats 0: expected an integer ≥ 1",
            "{\"name\": \"x\", \"grid\": []}| grid: is not a field of a study plan",
            "{\"base\": {}}| name (missing): expected text",
            "{\"name\": \"x\", \"schemaVersion\": 9}| schemaVersion 9: this version of ScaleLab reads plans of version 1",
            "{\"name\": \"x\", \"fallback\": {\"whenMissing\": \"cifar10\", \"options\": {}, \"note\": \"n\"}}"
                    + "| fallback.options.dataset (missing): expected the dataset that stands in",
            "{\"name\": \"x\", \"predict\": {\"procs\": [4, 0]}}| predict.procs[1] 0: expected an integer ≥ 1",
            "{\"name\": \"x\", \"predict\": {\"procs\": [4], \"hosts\": 2}}| predict.hosts: is not a field of a study plan",
            "{\"name\": \"x\", \"predict\": {\"network\": \"10gbe\"}}| expected procs or threads to predict at",
            "{\"name\": \"x\", \"predict\": {\"threads\": [8], \"coresPerHost\": 0}}| predict.coresPerHost 0: expected an integer ≥ 1",
            "[1, 2]| (plan) ARRAY: expected a JSON object",
            "{\"name\": \"x\",| not JSON (line 1, column",
    })
    void aFaultNamesTheFileTheFieldsPathAndWhatWasExpected(String json, String expected) throws IOException {
        Path file = Files.writeString(folder.resolve("plan.json"), json);
        StudyPlanException e = assertThrows(StudyPlanException.class, () -> StudyPlans.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
    }

    @Test
    void aMissingFileIsOneLine() {
        StudyPlanException e = assertThrows(StudyPlanException.class, () -> StudyPlans.read(folder.resolve("none.json")));
        assertEquals(folder.resolve("none.json") + ": no such plan file", e.getMessage());
    }

    @Test
    void aLabelledConfigurationKeepsItsLabelAndItsOptions() throws IOException {
        Path file = Files.writeString(folder.resolve("plan.json"), """
                {"name": "t", "configurations": [{"label": "MPI-2P", "strategy": "mpj", "procs": 2}]}
                """);
        StudyPlan plan = StudyPlans.read(file);
        assertEquals("MPI-2P", plan.configurations().get(0).label());
        StudyCell cell = StudyGrid.cells(plan, false, d -> true, 2).stream().filter(c -> !c.baseline()).findFirst()
                .orElseThrow();
        assertEquals(Strategy.MPJ, cell.config().parallelism().strategy());
        assertEquals("MPI-2P", cell.label());
    }
}
