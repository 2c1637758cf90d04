package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetsTest {

    @ParameterizedTest(name = "{0} has {1} parameters")
    @CsvSource({
        "mlp-235k, 235146",
        "cnn-1m, 1070794",
        "lenet5, 62006",
        "cnn-bn, 620810",
        "cnn-32, 2770634",
        "tinycnn-8, 13610",
    })
    void parameterCountsMatchTheStudies(String name, long parameters) {
        Architecture preset = Presets.find(name).orElseThrow();
        assertEquals(parameters, preset.parameterCount());
        assertEquals(10, preset.outputCount());
        assertFalse(preset.description().isBlank());
    }

    @Test
    void everyPresetIsListedOnceInOrder() {
        assertEquals(List.of("mlp-235k", "cnn-1m", "lenet5", "cnn-bn", "cnn-32", "tinycnn-8"), Presets.names());
        assertEquals(Presets.names(), Presets.all().stream().map(Architecture::name).toList());
    }

    @Test
    void unknownPresetIsAbsent() {
        assertFalse(Presets.find("resnet-50").isPresent());
    }
}
