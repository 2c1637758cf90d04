package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalelab.engine.model.spec.Conv2DSpec;
import org.scalelab.engine.model.spec.DropoutSpec;

class ArchitectureFilesTest {
    private static final String INPUT = "\"input\": {\"channels\": 1, \"height\": 28, \"width\": 28}";

    @TempDir
    Path directory;

    static List<Architecture> presets() {
        return Presets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void presetsSurviveAWriteAndReadRoundTrip(Architecture preset) throws IOException {
        Path file = directory.resolve(preset.name() + ".json");
        ArchitectureFiles.write(file, preset);
        assertEquals(preset, ArchitectureFiles.read(file));
    }

    @Test
    void imageInputIsWrittenWithoutTheImageFlag() {
        String json = ArchitectureFiles.toJson(Presets.find("tinycnn-8").orElseThrow());
        assertTrue(json.contains("\"channels\" : 1"), json);
        assertFalse(json.contains("image"), json);
        assertTrue(json.contains("\"padding\" : \"valid\""), json);
    }

    @Test
    void shippedExampleLoadsWithDefaultsFilledIn() {
        Architecture example = ArchitectureFiles.read(Path.of("../experiments/architectures/mnist-small-cnn.json"));
        assertEquals("mnist-small-cnn", example.name());
        assertEquals(105_898, example.parameterCount());
        assertEquals(10, example.outputCount());
        assertEquals(new Conv2DSpec(16, 3, 1, Padding.SAME, null), example.layers().get(0));
        assertEquals(new DropoutSpec(0.25), example.layers().get(8));
    }

    @Test
    void enumsAndOptionalFieldsAreLenientAboutCase() throws IOException {
        Architecture read = read("{\"name\": \"x\", " + INPUT + ", \"layers\": [{\"type\": \"flatten\"},"
                + " {\"type\": \"dense\", \"units\": 10, \"init\": \"XAVIER\"}]}");
        assertEquals(Initialisation.XAVIER, ((org.scalelab.engine.model.spec.DenseSpec) read.layers().get(1)).init());
    }

    @Test
    void malformedJsonNamesFileAndPosition() {
        assertProblem("{\"name\": \"x\",\n \"layers\": [}", "not valid JSON at line 2, column");
    }

    @Test
    void unknownLayerTypeListsTheKnownOnes() {
        assertProblem(layers("{\"type\": \"conv\", \"filters\": 4}"),
                "layer 1: unknown type \"conv\"; known types: dense, relu, flatten, conv2d, maxpool2d, batchnorm, dropout");
    }

    @Test
    void layerWithoutType() {
        assertProblem(layers("{\"type\": \"flatten\"}, {\"units\": 10}"), "layer 2: needs a \"type\", one of dense,");
    }

    @Test
    void missingRequiredField() {
        assertProblem(layers("{\"type\": \"conv2d\", \"kernel\": 3}"), "layer 1 (conv2d): missing field \"filters\"");
    }

    @Test
    void invalidFieldValue() {
        assertProblem(layers("{\"type\": \"conv2d\", \"filters\": -4, \"kernel\": 3}"),
                "layer 1 (conv2d): filters must be positive, got -4");
    }

    @Test
    void outOfRangeDropoutRate() {
        assertProblem(layers("{\"type\": \"flatten\"}, {\"type\": \"dropout\", \"rate\": 1.5}"),
                "layer 2 (dropout): rate must be in [0, 1), got 1.5");
    }

    @Test
    void textWhereANumberBelongs() {
        assertProblem(layers("{\"type\": \"conv2d\", \"filters\": \"many\", \"kernel\": 3}"),
                "layer 1 (conv2d): \"filters\" must be a whole number");
    }

    @Test
    void fractionWhereAWholeNumberBelongs() {
        assertProblem(layers("{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 2.5}"),
                "layer 1 (conv2d): \"kernel\" is 2.5 but must be a whole number");
    }

    @Test
    void unknownPaddingListsTheChoices() {
        assertProblem(layers("{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3, \"padding\": \"full\"}"),
                "layer 1 (conv2d): \"padding\" is full but must be one of same, valid");
    }

    @Test
    void misspelledFieldListsTheKnownOnes() {
        assertProblem(layers("{\"type\": \"conv2d\", \"filter\": 4, \"kernel\": 3}"),
                "layer 1 (conv2d): unknown field \"filter\"; known fields: filters, kernel, stride, padding, init");
    }

    @Test
    void fieldOnALayerThatTakesNone() {
        assertProblem(layers("{\"type\": \"relu\", \"slope\": 0.1}"), "layer 1 (relu): unknown field \"slope\"; this layer takes no fields");
    }

    @Test
    void denseDirectlyAfterAnImage() {
        assertProblem(layers("{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 3}, {\"type\": \"dense\", \"units\": 10}"),
                "layer 2 (dense) with input 8×26×26: dense needs a flat input but gets 8×26×26; add a flatten layer before it");
    }

    @Test
    void kernelLargerThanTheImage() {
        assertProblem(layers("{\"type\": \"maxpool2d\", \"size\": 8}, {\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 5}"),
                "layer 2 (conv2d) with input 1×3×3: the 5×5 kernel is larger than the 3×3 input with valid padding");
    }

    @Test
    void poolingDownToNothing() {
        assertProblem(layers("{\"type\": \"maxpool2d\", \"size\": 16}, {\"type\": \"maxpool2d\", \"size\": 2}"),
                "layer 2 (maxpool2d) with input 1×1×1: the 2×2 window is larger than the 1×1 input");
    }

    @Test
    void convolutionAfterFlatten() {
        assertProblem(layers("{\"type\": \"flatten\"}, {\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3}"),
                "layer 2 (conv2d) with input 784: conv2d needs an image input but gets a flat vector of 784");
    }

    @Test
    void unknownInputField() {
        assertProblem("{\"name\": \"x\", \"input\": {\"channels\": 1, \"height\": 28, \"width\": 28, \"depth\": 2},"
                + " \"layers\": [{\"type\": \"flatten\"}]}", "input: unknown field \"depth\"; known fields: channels, height, image, width");
    }

    @Test
    void missingInputDimension() {
        assertProblem("{\"name\": \"x\", \"input\": {\"channels\": 1, \"height\": 28}, \"layers\": [{\"type\": \"flatten\"}]}",
                "input: missing field \"width\"");
    }

    @Test
    void nonPositiveInputDimension() {
        assertProblem("{\"name\": \"x\", \"input\": {\"channels\": 0, \"height\": 28, \"width\": 28}, \"layers\": [{\"type\": \"flatten\"}]}",
                "input: shape dimensions must be positive");
    }

    @Test
    void missingName() {
        assertProblem("{" + INPUT + ", \"layers\": [{\"type\": \"flatten\"}]}", "missing \"name\"");
    }

    @Test
    void emptyLayerList() {
        assertProblem("{\"name\": \"x\", " + INPUT + ", \"layers\": []}", "\"layers\" must be a non-empty list of layers");
    }

    @Test
    void unknownTopLevelField() {
        assertProblem("{\"name\": \"x\", " + INPUT + ", \"layer\": []}",
                "unknown field \"layer\"; known fields: name, description, input, layers");
    }

    @Test
    void missingFileIsReportedAsSuch() {
        ArchitectureException error = assertThrows(ArchitectureException.class,
                () -> ArchitectureFiles.read(directory.resolve("absent.json")));
        assertTrue(error.getMessage().contains("absent.json: cannot be read (NoSuchFileException"), error.getMessage());
    }

    private static String layers(String layers) {
        return "{\"name\": \"broken\", " + INPUT + ", \"layers\": [" + layers + "]}";
    }

    private Architecture read(String json) throws IOException {
        Path file = directory.resolve("architecture.json");
        Files.writeString(file, json);
        return ArchitectureFiles.read(file);
    }

    private void assertProblem(String json, String expected) {
        ArchitectureException error = assertThrows(ArchitectureException.class, () -> read(json));
        String message = error.getMessage();
        assertTrue(message.startsWith(directory.resolve("architecture.json") + ": "), message);
        assertTrue(message.contains(expected), "expected «" + expected + "» in: " + message);
        assertFalse(message.contains("com.fasterxml") || message.contains("`") || message.contains("Exception:"), message);
    }
}
