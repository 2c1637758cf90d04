package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(Strategy.SERIAL, defaults.strategy());
        assertEquals(0.9, defaults.momentum());
        assertEquals(1, defaults.workers());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid(b -> b.dataset(" "), "dataset ' ': expected a name"),
                invalid(b -> b.model(null), "model (missing): expected a name"),
                invalid(b -> b.epochs(0), "epochs 0: expected an integer ≥ 1"),
                invalid(b -> b.batchSize(-3), "batchSize -3: expected an integer ≥ 1"),
                invalid(b -> b.learningRate(0), "learningRate 0.0: expected a number > 0"),
                invalid(b -> b.learningRate(Double.NaN), "learningRate NaN: expected a number > 0"),
                invalid(b -> b.optimizer(null), "optimizer (missing): expected one of [sgd, momentum, adam]"),
                invalid(b -> b.momentum(1.0), "momentum 1.0: expected a number in [0, 1)"),
                invalid(b -> b.adamBeta2(-0.1), "adamBeta2 -0.1: expected a number in [0, 1)"),
                invalid(b -> b.adamEpsilon(0), "adamEpsilon 0.0: expected a number > 0"),
                invalid(b -> b.weightDecay(-1e-4), "weightDecay -1.0E-4: expected a number ≥ 0"),
                invalid(b -> b.stepSize(0), "stepSize 0: expected an integer ≥ 1"),
                invalid(b -> b.gamma(-1), "gamma -1.0: expected a number > 0"),
                invalid(b -> b.processes(0), "processes 0: expected an integer ≥ 1"),
                invalid(b -> b.threads(2), "threads 2: expected 1 with strategy serial"),
                invalid(b -> b.scaling(null), "scaling (missing): expected one of [strong, weak]"));
    }

    private static Arguments invalid(UnaryOperator<TrainingConfig.Builder> change, String message) {
        return Arguments.of(change, message);
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void validationNamesFieldValueAndExpectation(UnaryOperator<TrainingConfig.Builder> change, String message) {
        TrainingConfig config = change.apply(TrainingConfig.builder()).build();
        ConfigException e = assertThrows(ConfigException.class, config::validate);
        assertEquals(message, e.getMessage());
    }

    @Test
    void messageCanNameTheFieldAsTheUserTypedIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingConfig.builder().batchSize(0).build().validate());
        assertEquals("batchSize", e.field());
        assertEquals("--batch 0: expected an integer ≥ 1", e.messageFor("--batch"));
    }

    @Test
    void eachStrategyChecksWhatProcessesAndThreadsMean() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingConfig.builder().strategy(Strategy.THREADS).processes(2).threads(2).build().validate());
        assertEquals("processes", e.field());
        TrainingConfig hybrid = TrainingConfig.builder().strategy(Strategy.HYBRID).processes(2).threads(3).build().validate();
        assertEquals(6, hybrid.workers());
        TrainingConfig mpj = TrainingConfig.builder().strategy(Strategy.MPJ).processes(3).threads(2).build().validate();
        assertEquals(3, mpj.workers(), "mpj's threads are native threads per rank, not workers");
        assertEquals(2, Strategy.MPJ.nativeThreadsPerWorker(2));
        assertEquals(1, Strategy.INTRA_OP.workers(1, 4));
    }

    @Test
    void weakScalingGrowsTheGlobalBatchWithTheWorkers() {
        TrainingConfig.Builder builder = TrainingConfig.builder().strategy(Strategy.THREADS).threads(3).batchSize(64);
        assertEquals(64, builder.scaling(Scaling.STRONG).build().globalBatchSize());
        assertEquals(192, builder.scaling(Scaling.WEAK).build().globalBatchSize());
    }

    @Test
    void optionsOfOneStrategyAreRefusedWithAnother() {
        ConfigException viaMaster = assertThrows(ConfigException.class,
                () -> TrainingConfig.builder().strategy(Strategy.MPJ).processes(2).viaMaster(true).build().validate());
        assertEquals("viaMaster", viaMaster.field());
        ConfigException hosts = assertThrows(ConfigException.class,
                () -> TrainingConfig.builder().strategy(Strategy.THREADS).threads(2).hosts("hosts.txt").build().validate());
        assertEquals("hosts", hosts.field());
        TrainingConfig.builder().strategy(Strategy.PARAM_AVG).processes(2).viaMaster(true).hosts("hosts.txt").build()
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
    void toBuilderKeepsEveryField() {
        TrainingConfig config = TrainingConfig.builder().dataset("fashion-mnist").epochs(3).optimizer(OptimizerKind.ADAM)
                .schedule(ScheduleKind.COSINE).seed(99).augment(true).scaling(Scaling.WEAK).build();
        assertEquals(config, config.toBuilder().build());
    }

    @Test
    void readsFromJsonWithDefaultsForWhatAFileLeavesOut() throws Exception {
        TrainingConfig config = Json.mapper().readValue(
                "{\"dataset\": \"fashion-mnist\", \"epochs\": 3, \"optimizer\": \"adam\", \"scaling\": \"weak\"}",
                TrainingConfig.class);
        assertEquals(TrainingConfig.builder().dataset("fashion-mnist").epochs(3).optimizer(OptimizerKind.ADAM)
                .scaling(Scaling.WEAK).build(), config);
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        TrainingConfig config = TrainingConfig.builder().model("cnn-1m").schedule(ScheduleKind.STEP).stepSize(3)
                .gamma(0.5).weightDecay(5e-4).strategy(Strategy.PARAM_AVG).processes(4).viaMaster(true)
                .averagingPeriod(0).allreduce(AllreduceAlgorithm.BUILTIN).stepLimit(7).hosts("hosts.txt").build();
        String json = Json.mapper().writeValueAsString(config);
        assertTrue(json.contains("\"strategy\":\"param-avg\""), json);
        assertTrue(json.contains("\"allreduce\":\"builtin\""), json);
        assertEquals(config, Json.mapper().readValue(json, TrainingConfig.class));
    }
}
