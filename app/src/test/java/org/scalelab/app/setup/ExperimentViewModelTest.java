package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.training.OptimizerKind;
import org.scalelab.engine.training.TrainingConfig;

class ExperimentViewModelTest {
    @TempDir
    Path cache;

    private ExperimentViewModel model(int cores) {
        DatasetViewModel datasets = new DatasetViewModel(new DatasetCatalog(cache, cache.resolve("none")), Threads.direct(), "mnist-mini");
        return new ExperimentViewModel(datasets, new ArchitectureViewModel("mlp-235k"), cores);
    }

    @Test
    void opensOnARunnableDefaultExperiment() {
        TrainingConfig config = model(2).config().orElseThrow();
        assertEquals("mnist-mini", config.dataset());
        assertEquals("mlp-235k", config.model());
        assertEquals(OptimizerKind.MOMENTUM, config.optimizer());
        assertEquals(0.01, config.learningRate());
        assertEquals(64, config.batchSize());
    }

    @Test
    void marksEveryFaultyFieldAtOnceAndBlocksOnTheFirst() {
        ExperimentViewModel model = model(2);
        model.text(ExperimentField.BATCH_SIZE).set("0");
        model.text(ExperimentField.EPOCHS).set("many");
        model.text(ExperimentField.LEARNING_RATE).set("-1");
        assertEquals("Batch size 0: expected an integer ≥ 1", model.problems().get(ExperimentField.BATCH_SIZE));
        assertEquals("'many' is not a whole number", model.problems().get(ExperimentField.EPOCHS));
        assertTrue(model.problems().containsKey(ExperimentField.LEARNING_RATE));
        assertTrue(model.config().isEmpty());
        assertEquals("Batch size: Batch size 0: expected an integer ≥ 1", model.blockedReasonProperty().get());
        model.text(ExperimentField.BATCH_SIZE).set("32");
        model.text(ExperimentField.EPOCHS).set("2");
        model.text(ExperimentField.LEARNING_RATE).set("0.1");
        assertTrue(model.problems().isEmpty());
        assertEquals("", model.blockedReasonProperty().get());
    }

    @Test
    void warnsWhenWorkersOutnumberTheCores() {
        ExperimentViewModel model = model(2);
        model.text(ExperimentField.THREADS).set("4");
        assertTrue(model.warningProperty().get().startsWith("4 workers on 2 cores"), model.warningProperty().get());
    }
}
