package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.scalelab.engine.events.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

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
    void strategiesOtherThanSerialAreNotAvailableYet() {
        TrainingConfig config = TrainingConfig.builder().strategy(Strategy.ALLREDUCE).processes(2).build().validate();
        ConfigException e = assertThrows(ConfigException.class, () -> Trainers.forConfig(config));
        assertEquals("strategy allreduce: not available yet; this version trains with strategy serial only",
                e.getMessage());
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
                .gamma(0.5).weightDecay(5e-4).strategy(Strategy.AVERAGING).processes(4).build();
        String json = Json.mapper().writeValueAsString(config);
        assertTrue(json.contains("\"strategy\":\"averaging\""), json);
        assertEquals(config, Json.mapper().readValue(json, TrainingConfig.class));
    }
}
