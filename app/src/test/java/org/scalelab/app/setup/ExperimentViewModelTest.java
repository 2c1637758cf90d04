package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;

class ExperimentViewModelTest {
    /** A machine with MPJ Express: every strategy runs. */
    static final StrategyAvailability WITH_MPJ = (strategy, processes) -> Optional.empty();
    /** A machine without it: strategies that need MPJ name the remedy. */
    static final StrategyAvailability WITHOUT_MPJ = (strategy, processes) -> strategy.needsMpj(processes)
            ? Optional.of("MPJ Express is not installed: install libmpj-java or set MPJ_HOME") : Optional.empty();

    @TempDir
    Path cache;

    private ExperimentViewModel model(int cores) {
        return model(cores, WITH_MPJ);
    }

    private ExperimentViewModel model(int cores, StrategyAvailability availability) {
        DatasetViewModel datasets = new DatasetViewModel(new DatasetCatalog(cache, cache.resolve("none")), Threads.direct(), "mnist-mini");
        return new ExperimentViewModel(datasets, new ArchitectureViewModel("mlp-235k"), cores, availability);
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
    void enablesOnlyTheFieldsTheStrategyReadsAndSaysWhatTheyMean() {
        ExperimentViewModel model = model(8);
        assertFalse(model.processesUsed().get());
        assertFalse(model.threadsUsed().get());
        model.strategyProperty().set(Strategy.THREADS);
        assertFalse(model.processesUsed().get());
        assertTrue(model.threadsUsed().get());
        assertTrue(model.threadsHint().get().contains("workers"), model.threadsHint().get());
        model.strategyProperty().set(Strategy.HYBRID);
        assertTrue(model.processesUsed().get());
        assertTrue(model.allreduceUsed().get());
        assertTrue(model.threadsHint().get().contains("per rank"), model.threadsHint().get());
        model.text(ExperimentField.PROCESSES).set("2");
        model.text(ExperimentField.THREADS).set("2");
        model.strategyProperty().set(Strategy.SERIAL);
        assertEquals("1", model.text(ExperimentField.PROCESSES).get(), "an unused field goes back to 1");
        assertTrue(model.config().isPresent(), model.blockedReasonProperty().get());
    }

    @Test
    void parameterAveragingPeriodViaMasterAndAllreduceGoIntoTheConfiguration() {
        ExperimentViewModel model = model(8);
        model.strategyProperty().set(Strategy.PARAM_AVG);
        assertTrue(model.averagingUsed().get());
        model.text(ExperimentField.AVERAGING_PERIOD).set("8");
        model.viaMasterProperty().set(true);
        TrainingConfig config = model.config().orElseThrow();
        assertEquals(8, config.averagingPeriod());
        assertTrue(config.viaMaster());
        model.oncePerEpochProperty().set(true);
        assertEquals(0, model.config().orElseThrow().averagingPeriod());
        model.oncePerEpochProperty().set(false);
        model.text(ExperimentField.AVERAGING_PERIOD).set("x");
        assertEquals("'x' is not a whole number", model.problems().get(ExperimentField.AVERAGING_PERIOD));

        model.strategyProperty().set(Strategy.MPJ);
        model.allreduceProperty().set(AllreduceAlgorithm.BUILTIN);
        config = model.config().orElseThrow();
        assertEquals(AllreduceAlgorithm.BUILTIN, config.allreduce());
        assertFalse(config.viaMaster(), "via master applies to param-avg only");
    }

    @Test
    void withoutMpjTheMpjStrategiesGiveTheRemedyAndParamAvgRunsInOneProcess() {
        ExperimentViewModel model = model(8, WITHOUT_MPJ);
        assertTrue(model.unavailability(Strategy.MPJ).orElseThrow().contains("install libmpj-java"));
        assertTrue(model.unavailability(Strategy.HYBRID).isPresent());
        assertTrue(model.unavailability(Strategy.THREADS).isEmpty());
        assertTrue(model.unavailability(Strategy.PARAM_AVG).isEmpty(), "param-avg with P = 1 needs no MPJ");
        model.strategyProperty().set(Strategy.PARAM_AVG);
        assertTrue(model.config().isPresent());
        model.text(ExperimentField.PROCESSES).set("2");
        assertTrue(model.problems().get(ExperimentField.STRATEGY).contains("MPJ Express"));
        assertTrue(model.config().isEmpty());
    }

    @Test
    void aHostFileMustExistAndAppliesOnlyToRunsThatStartProcesses() throws IOException {
        ExperimentViewModel model = model(8);
        model.strategyProperty().set(Strategy.MPJ);
        model.text(ExperimentField.PROCESSES).set("2");
        assertTrue(model.hostsUsed().get());
        model.text(ExperimentField.HOSTS).set(cache.resolve("nowhere").toString());
        assertTrue(model.problems().get(ExperimentField.HOSTS).startsWith("there is no file"));
        Path hosts = Files.writeString(cache.resolve("hosts"), "localhost slots=2\n");
        model.text(ExperimentField.HOSTS).set(hosts.toString());
        assertEquals(hosts.toString(), model.config().orElseThrow().hosts());
        model.strategyProperty().set(Strategy.MPJ_MULTICORE);
        assertFalse(model.hostsUsed().get());
        assertNull(model.config().orElseThrow().hosts(), "smpdev ranks are threads: no host file");
    }

    @Test
    void warnsWhenNativeThreadsOutnumberTheCores() {
        ExperimentViewModel model = model(2);
        model.strategyProperty().set(Strategy.THREADS);
        model.text(ExperimentField.THREADS).set("2");
        assertEquals("", model.warningProperty().get());
        model.text(ExperimentField.THREADS).set("4");
        assertTrue(model.warningProperty().get().startsWith("4 workers on 2 cores"), model.warningProperty().get());
        model.strategyProperty().set(Strategy.MPJ);
        model.text(ExperimentField.PROCESSES).set("2");
        model.text(ExperimentField.THREADS).set("2");
        assertTrue(model.warningProperty().get().startsWith("4 native threads (2 workers × 2) on 2 cores"),
                model.warningProperty().get());
    }
}
