package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.ScheduleKind;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.model.ArchitectureFiles;
import org.scalelab.engine.model.Presets;

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
        return mlp235kOnMnistMini(cache, cores, availability);
    }

    /** The setup of mlp-235k on the embedded dataset, offline, with its datasets' cache in {@code cache}. */
    static ExperimentViewModel mlp235kOnMnistMini(Path cache, int cores, StrategyAvailability availability) {
        DatasetViewModel datasets = new DatasetViewModel(new DatasetCatalog(cache, cache.resolve("none")), Threads.direct(), "mnist-mini");
        return new ExperimentViewModel(datasets, new ArchitectureViewModel("mlp-235k"), cores, availability);
    }

    @Test
    void opensOnARunnableDefaultExperiment() {
        TrainingConfig config = model(2).config().orElseThrow();
        assertEquals("mnist-mini", config.data().dataset());
        assertEquals("mlp-235k", config.model().name());
        assertEquals(OptimizerKind.MOMENTUM, config.optimizer().kind());
        assertEquals(0.01, config.schedule().learningRate());
        assertEquals(64, config.schedule().batchSize());
    }

    @Test
    void everyOptionIsAFieldThatStartsAtTheDefaultTheCommandLineHas() {
        ExperimentViewModel model = model(2);
        TrainingConfig config = model.config().orElseThrow();
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            assertEquals(option.defaultValue(), option.valueIn(config), option.key());
            if (!ExperimentViewModel.CHOSEN_ELSEWHERE.contains(option)) {
                assertEquals(option.defaultText(), model.text(option).get(), option.key());
            }
        }
        assertEquals(TrainingOptions.ALL.size() - ExperimentViewModel.CHOSEN_ELSEWHERE.size(), model.options().size());
    }

    @Test
    void optionsOutsideTheMainFormReachTheConfiguration() {
        ExperimentViewModel model = model(2);
        model.text(MOMENTUM).set("0.5");
        model.text(SCHEDULE).set("cosine");
        model.text(AUGMENT).set("true");
        TrainingConfig config = model.config().orElseThrow();
        assertEquals(0.5, config.optimizer().momentum());
        assertEquals(ScheduleKind.COSINE, config.schedule().decay());
        assertTrue(config.data().augment());
        model.text(MOMENTUM).set("1.5");
        assertEquals("Momentum 1.5: expected a number in [0, 1)", model.problems().get(MOMENTUM));
    }

    @Test
    void marksEveryFaultyFieldAtOnceAndBlocksOnTheFirst() {
        ExperimentViewModel model = model(2);
        model.text(BATCH).set("0");
        model.text(EPOCHS).set("many");
        model.text(LR).set("-1");
        assertEquals("Batch size 0: expected an integer ≥ 1", model.problems().get(BATCH));
        assertEquals("Epochs 'many': expected an integer", model.problems().get(EPOCHS));
        assertTrue(model.problems().containsKey(LR));
        assertTrue(model.config().isEmpty());
        assertEquals("Batch size: Batch size 0: expected an integer ≥ 1", model.blockedReasonProperty().get());
        model.text(BATCH).set("32");
        model.text(EPOCHS).set("2");
        model.text(LR).set("0.1");
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
        model.text(PROCS).set("2");
        model.text(THREADS).set("2");
        model.strategyProperty().set(Strategy.SERIAL);
        assertEquals("1", model.text(PROCS).get(), "an unused field goes back to 1");
        assertTrue(model.config().isPresent(), model.blockedReasonProperty().get());
    }

    @Test
    void parameterAveragingPeriodViaMasterAndAllreduceGoIntoTheConfiguration() {
        ExperimentViewModel model = model(8);
        model.strategyProperty().set(Strategy.PARAM_AVG);
        assertTrue(model.averagingUsed().get());
        model.text(AVERAGE_EVERY).set("8");
        model.viaMasterProperty().set(true);
        TrainingConfig config = model.config().orElseThrow();
        assertEquals(8, config.parallelism().averagingPeriod());
        assertTrue(config.parallelism().viaMaster());
        model.oncePerEpochProperty().set(true);
        assertEquals(0, model.config().orElseThrow().parallelism().averagingPeriod());
        model.oncePerEpochProperty().set(false);
        model.text(AVERAGE_EVERY).set("x");
        assertEquals("Average every K 'x': expected an integer", model.problems().get(AVERAGE_EVERY));

        model.strategyProperty().set(Strategy.MPJ);
        model.allreduceProperty().set(AllreduceAlgorithm.BUILTIN);
        config = model.config().orElseThrow();
        assertEquals(AllreduceAlgorithm.BUILTIN, config.parallelism().allreduce());
        assertFalse(config.parallelism().viaMaster(), "via master applies to param-avg only");
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
        model.text(PROCS).set("2");
        assertTrue(model.problems().get(STRATEGY).contains("MPJ Express"));
        assertTrue(model.config().isEmpty());
    }

    @Test
    void aHostFileMustExistAndAppliesOnlyToRunsThatStartProcesses() throws IOException {
        ExperimentViewModel model = model(8);
        model.strategyProperty().set(Strategy.MPJ);
        model.text(PROCS).set("2");
        assertTrue(model.hostsUsed().get());
        model.text(HOSTS).set(cache.resolve("nowhere").toString());
        assertTrue(model.problems().get(HOSTS).startsWith("there is no file"));
        Path hosts = Files.writeString(cache.resolve("hosts"), "localhost slots=2\n");
        model.text(HOSTS).set(hosts.toString());
        assertEquals(hosts.toString(), model.config().orElseThrow().placement().hosts());
        model.strategyProperty().set(Strategy.MPJ_MULTICORE);
        assertFalse(model.hostsUsed().get());
        assertNull(model.config().orElseThrow().placement().hosts(), "smpdev ranks are threads: no host file");
    }

    @Test
    void warnsWhenNativeThreadsOutnumberTheCores() {
        ExperimentViewModel model = model(2);
        model.strategyProperty().set(Strategy.THREADS);
        model.text(THREADS).set("2");
        assertEquals("", model.warningProperty().get());
        model.text(THREADS).set("4");
        assertTrue(model.warningProperty().get().startsWith("4 workers on 2 cores"), model.warningProperty().get());
        model.strategyProperty().set(Strategy.MPJ);
        model.text(PROCS).set("2");
        model.text(THREADS).set("2");
        assertTrue(model.warningProperty().get().startsWith("4 native threads (2 workers × 2) on 2 cores"),
                model.warningProperty().get());
    }

    @Test
    void anArchitectureFileThatDoesNotFitTheDatasetBlocksRunWhenLoaded(@TempDir Path folder) throws IOException {
        DatasetViewModel datasets = new DatasetViewModel(new DatasetCatalog(cache, cache.resolve("none")), Threads.direct(), "mnist-mini");
        ArchitectureViewModel architectures = new ArchitectureViewModel("mlp-235k");
        ExperimentViewModel model = new ExperimentViewModel(datasets, architectures, 2, WITH_MPJ);
        Path file = folder.resolve("colour.json");
        ArchitectureFiles.write(file, Presets.find("lenet5").orElseThrow());
        architectures.loadFile(file);
        assertTrue(model.config().isEmpty());
        assertEquals("Architecture: Architecture lenet5: expects 3×32×32 images but mnist-mini has 1×28×28", model.blockedReasonProperty().get());
    }

    @Test
    void loadingASavedRunsSettingsSetsEveryField() {
        ExperimentViewModel model = model(4);
        TrainingConfig saved = TrainingConfig.defaults().with(DATASET, "synthetic-cifar").with(MODEL, "lenet5")
                .with(STRATEGY, Strategy.PARAM_AVG).with(PROCS, 2).with(AVERAGE_EVERY, 0).with(BATCH, 32)
                .with(OPTIMIZER, OptimizerKind.ADAM).with(LR, 0.002).with(EPOCHS, 3).with(SEED, 7L);
        model.load(saved);
        assertTrue(model.oncePerEpochProperty().get());
        assertEquals(saved, model.config().orElseThrow());
    }
}
