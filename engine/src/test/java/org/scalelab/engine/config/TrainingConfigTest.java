package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.strategies.Trainers;

class TrainingConfigTest {

    @Test
    void defaultsAreValid() {
        TrainingConfig defaults = TrainingConfig.defaults().validate();
        assertEquals(Strategy.SERIAL, defaults.parallelism().strategy());
        assertEquals(0.9, defaults.optimizer().momentum());
        assertEquals(1, defaults.workers());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid(b -> b.with(DATASET, " "), "dataset ' ': expected a name"),
                invalid(b -> b.with(MODEL, null), "model (missing): expected a name"),
                invalid(b -> b.with(EPOCHS, 0), "epochs 0: expected an integer ≥ 1"),
                invalid(b -> b.with(BATCH, -3), "batch -3: expected an integer ≥ 1"),
                invalid(b -> b.with(LR, 0.0), "lr 0.0: expected a number > 0"),
                invalid(b -> b.with(LR, Double.NaN), "lr NaN: expected a number > 0"),
                invalid(b -> b.with(OPTIMIZER, null), "optimizer (missing): expected one of sgd, momentum, adam"),
                invalid(b -> b.with(MOMENTUM, 1.0), "momentum 1.0: expected a number in [0, 1)"),
                invalid(b -> b.with(BETA2, -0.1), "beta2 -0.1: expected a number in [0, 1)"),
                invalid(b -> b.with(EPSILON, 0.0), "epsilon 0.0: expected a number > 0"),
                invalid(b -> b.with(WEIGHT_DECAY, -1e-4), "weightDecay -1.0E-4: expected a number ≥ 0"),
                invalid(b -> b.with(STEP_SIZE, 0), "stepSize 0: expected an integer ≥ 1"),
                invalid(b -> b.with(GAMMA, -1.0), "gamma -1.0: expected a number > 0"),
                invalid(b -> b.with(PROCS, 0), "procs 0: expected an integer ≥ 1"),
                invalid(b -> b.with(THREADS, 2), "threads 2: expected 1 with strategy serial"),
                invalid(b -> b.with(SCALING, null), "scaling (missing): expected one of strong, weak"));
    }

    private static Arguments invalid(UnaryOperator<TrainingConfig> change, String message) {
        return Arguments.of(change, message);
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void validationNamesFieldValueAndExpectation(UnaryOperator<TrainingConfig> change, String message) {
        TrainingConfig config = change.apply(TrainingConfig.defaults());
        ConfigException e = assertThrows(ConfigException.class, config::validate);
        assertEquals(message, e.getMessage());
    }

    @Test
    void messageCanNameTheFieldAsTheUserTypedIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingConfig.defaults().with(BATCH, 0).validate());
        assertEquals("batch", e.field());
        assertEquals("--batch 0: expected an integer ≥ 1", e.messageFor("--batch"));
    }

    @Test
    void eachStrategyChecksWhatProcessesAndThreadsMean() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingConfig.defaults().with(STRATEGY, Strategy.THREADS).with(PROCS, 2).with(THREADS, 2).validate());
        assertEquals("procs", e.field());
        TrainingConfig hybrid = TrainingConfig.defaults().with(STRATEGY, Strategy.HYBRID).with(PROCS, 2).with(THREADS, 3).validate();
        assertEquals(6, hybrid.workers());
        TrainingConfig mpj = TrainingConfig.defaults().with(STRATEGY, Strategy.MPJ).with(PROCS, 3).with(THREADS, 2).validate();
        assertEquals(3, mpj.workers(), "mpj's threads are native threads per rank, not workers");
        assertEquals(2, Strategy.MPJ.nativeThreadsPerWorker(2));
        assertEquals(1, Strategy.INTRA_OP.workers(1, 4));
    }

    @Test
    void weakScalingGrowsTheGlobalBatchWithTheWorkers() {
        TrainingConfig builder = TrainingConfig.defaults().with(STRATEGY, Strategy.THREADS).with(THREADS, 3).with(BATCH, 64);
        assertEquals(64, builder.with(SCALING, Scaling.STRONG).globalBatchSize());
        assertEquals(192, builder.with(SCALING, Scaling.WEAK).globalBatchSize());
    }

    @Test
    void optionsOfOneStrategyAreRefusedWithAnother() {
        ConfigException viaMaster = assertThrows(ConfigException.class,
                () -> TrainingConfig.defaults().with(STRATEGY, Strategy.MPJ).with(PROCS, 2).with(VIA_MASTER, true).validate());
        assertEquals("viaMaster", viaMaster.field());
        ConfigException hosts = assertThrows(ConfigException.class,
                () -> TrainingConfig.defaults().with(STRATEGY, Strategy.THREADS).with(THREADS, 2).with(HOSTS, "hosts.txt").validate());
        assertEquals("hosts", hosts.field());
        TrainingConfig.defaults().with(STRATEGY, Strategy.PARAM_AVG).with(PROCS, 2).with(VIA_MASTER, true).with(HOSTS, "hosts.txt")
                .validate();
    }

    @Test
    void strategiesInsideThisJvmNeedNoMpj() {
        for (Strategy strategy : List.of(Strategy.SERIAL, Strategy.INTRA_OP, Strategy.THREADS)) {
            assertEquals(Optional.empty(), Trainers.whyUnavailable(strategy, 1));
        }
        assertEquals(Optional.empty(), Trainers.whyUnavailable(Strategy.PARAM_AVG, 1));
        assertTrue(Strategy.PARAM_AVG.needsMpj(2));
        assertTrue(Strategy.MPJ_MULTICORE.needsMpj(1));
    }

    @Test
    void withChangesOneOptionAndKeepsTheOthers() {
        TrainingConfig config = TrainingConfig.defaults().with(DATASET, "fashion-mnist").with(EPOCHS, 3)
                .with(OPTIMIZER, OptimizerKind.ADAM).with(SCHEDULE, ScheduleKind.COSINE).with(SEED, 99L).with(AUGMENT, true)
                .with(SCALING, Scaling.WEAK);
        TrainingConfig changed = config.with(BATCH, 32);
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            Object expected = option == BATCH ? 32 : option.valueIn(config);
            assertEquals(expected, option.valueIn(changed), option.key());
        }
    }

    @Test
    void everyOptionHasOneKeyADefaultThatValidatesAndTextThatReadsBack() {
        assertEquals(TrainingOptions.ALL.size(), TrainingOptions.ALL.stream().map(TrainingOption::key).distinct().count());
        TrainingConfig defaults = TrainingConfig.defaults().validate();
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            assertEquals(option.defaultValue(), option.valueIn(defaults), option.key());
            assertEquals(option.defaultValue(), option.type().parse(option.key(), option.defaultText()), option.key());
            assertEquals(Optional.of(option), TrainingOptions.byKey(option.key()));
        }
        assertEquals("--steps-per-epoch", STEPS_PER_EPOCH.cliName());
        assertEquals(List.of("--procs", "--processes", "--stages"), PROCS.cliNames());
    }

    @Test
    void textThatIsNotOfTheOptionsTypeNamesTheOptionAndTheText() {
        ConfigException e = assertThrows(ConfigException.class, () -> OptionValues.defaults().setText(BATCH, "sixty"));
        assertEquals("batch 'sixty': expected an integer", e.getMessage());
        ConfigException strategy = assertThrows(ConfigException.class,
                () -> OptionValues.defaults().setText(STRATEGY, "mpi"));
        assertEquals("strategy 'mpi': expected one of serial, intra-op, threads, mpj, hybrid, mpj-multicore, param-avg, async, "
                + "pipeline",
                strategy.getMessage());
    }

    @Test
    void aPlanObjectNamesTheUnknownKeyAndTheBadValueByTheirPath() throws Exception {
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigJson.read(
                Json.mapper().readTree("{\"batchsize\": 64}"), OptionValues.defaults(), "base"));
        assertEquals("base.batchsize", unknown.field());
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigJson.read(
                Json.mapper().readTree("{\"procs\": \"four\"}"), OptionValues.defaults(), "configurations[3]"));
        assertEquals("configurations[3].procs 'four': expected an integer", bad.getMessage());
    }

    @Test
    void readsTheFlatFieldNamesOfSchemaOneRecords() throws Exception {
        String v1 = "{\"dataset\":\"mnist-mini\",\"model\":\"mlp-235k\",\"epochs\":2,\"batchSize\":32,"
                + "\"learningRate\":0.05,\"optimizer\":\"adam\",\"momentum\":0.9,\"adamBeta1\":0.8,\"adamBeta2\":0.99,"
                + "\"adamEpsilon\":1.0E-7,\"weightDecay\":0.0,\"schedule\":\"constant\",\"stepSize\":1,\"gamma\":0.1,"
                + "\"seed\":7,\"augment\":false,\"strategy\":\"param-avg\",\"processes\":2,\"threads\":2,"
                + "\"scaling\":\"weak\",\"averagingPeriod\":0,\"viaMaster\":true,\"allreduce\":\"ring-shm\","
                + "\"stepLimit\":20,\"hosts\":null}";
        TrainingConfig expected = TrainingConfig.defaults().with(EPOCHS, 2).with(BATCH, 32).with(LR, 0.05)
                .with(OPTIMIZER, OptimizerKind.ADAM).with(BETA1, 0.8).with(BETA2, 0.99).with(EPSILON, 1e-7).with(SEED, 7L)
                .with(STRATEGY, Strategy.PARAM_AVG).with(PROCS, 2).with(THREADS, 2).with(SCALING, Scaling.WEAK)
                .with(AVERAGE_EVERY, 0).with(VIA_MASTER, true).with(ALLREDUCE, AllreduceAlgorithm.RING_SHM)
                .with(STEPS_PER_EPOCH, 20);
        assertEquals(expected, Json.mapper().readValue(v1, TrainingConfig.class));
    }

    @Test
    void readsFromJsonWithDefaultsForWhatAFileLeavesOut() throws Exception {
        TrainingConfig config = Json.mapper().readValue(
                "{\"dataset\": \"fashion-mnist\", \"epochs\": 3, \"optimizer\": \"adam\", \"scaling\": \"weak\"}",
                TrainingConfig.class);
        assertEquals(TrainingConfig.defaults().with(DATASET, "fashion-mnist").with(EPOCHS, 3).with(OPTIMIZER, OptimizerKind.ADAM)
                .with(SCALING, Scaling.WEAK), config);
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().with(MODEL, "cnn-1m").with(SCHEDULE, ScheduleKind.STEP).with(STEP_SIZE, 3)
                .with(GAMMA, 0.5).with(WEIGHT_DECAY, 5e-4).with(STRATEGY, Strategy.PARAM_AVG).with(PROCS, 4).with(VIA_MASTER, true)
                .with(AVERAGE_EVERY, 0).with(ALLREDUCE, AllreduceAlgorithm.BUILTIN).with(STEPS_PER_EPOCH, 7).with(HOSTS, "hosts.txt");
        String json = Json.mapper().writeValueAsString(config);
        assertTrue(json.contains("\"strategy\":\"param-avg\""), json);
        assertTrue(json.contains("\"allreduce\":\"builtin\""), json);
        assertEquals(config, Json.mapper().readValue(json, TrainingConfig.class));
    }
}
