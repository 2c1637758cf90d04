package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --inject-fault}: read as typed, written back the same, and every mistake named. */
class FaultInjectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"rank=1,step=20,kind=kill", "rank=0,step=1,kind=hang", "rank=3,step=7,kind=slow:2.5"})
    void whatIsTypedIsWhatIsWrittenBack(String text) {
        assertEquals(text, FaultInjection.parse(text).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rank=1,kind=kill                | step is missing",
            "rank=1,step=2,kind=kill,rank=2  | rank is given twice",
            "rank=1,step=2,kind=explode      | kind 'explode' is not kill, hang or slow:FACTOR",
            "rank=1,step=2,kind=slow         | slow needs a factor, e.g. slow:3",
            "rank=1,step=2,kind=slow:0.5     | slow needs a factor in (1, 1000], e.g. slow:3",
            "rank=1,step=2,kind=kill:3       | kill takes no factor",
            "rank=one,step=2,kind=kill       | rank 'one' is not a whole number",
            "rank=-1,step=2,kind=kill        | rank must be ≥ 0, got -1",
            "rank=1,step=0,kind=hang         | step must be ≥ 1, got 0",
            "node=1,step=2,kind=kill         | 'node=1' is not rank=R, step=S or kind=K"})
    void everyMistakeIsNamed(String text, String problem) {
        assertEquals(problem, assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "serial | 1 | injectFault rank=1,step=2,kind=kill: applies only to strategies that start MPJ processes (mpj, hybrid, pipeline, async, param-avg with processes > 1)",
            "mpj    | 2 | injectFault rank=2,step=2,kind=kill: rank 2 does not exist: the run has ranks 0 to 1"})
    void aFaultNeedsARankThatIsAProcess(String strategy, int rank, String message) {
        TrainingConfig config = OptionValues.defaults().setText(TrainingOptions.STRATEGY, strategy)
                .set(TrainingOptions.PROCS, strategy.equals("mpj") ? 2 : 1)
                .setText(TrainingOptions.INJECT_FAULT, "rank=" + rank + ",step=2,kind=kill").build();
        assertEquals(message, assertThrows(ConfigException.class, config::validate).getMessage());
    }
}
