package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.model.ArchitectureFiles;
import org.scalelab.engine.model.Presets;

class ArchitectureViewModelTest {

    @Test
    void describesTheStudyBMlpLayerByLayer() {
        ArchitectureViewModel model = new ArchitectureViewModel("mlp-235k");
        assertEquals(235_146, model.parameterCountProperty().get());
        assertEquals(new LayerRow(2, "dense", "256", 200_960), model.layers().get(1));
    }

    @Test
    void aFaultyArchitectureFileIsReportedAndTheChoiceStays(@TempDir Path folder) throws Exception {
        ArchitectureViewModel model = new ArchitectureViewModel("mlp-235k");
        Path file = Files.writeString(folder.resolve("broken.json"), "{\"name\": \"x\"");
        model.loadFile(file);
        assertTrue(model.errorProperty().get().contains("broken.json"), model.errorProperty().get());
        assertEquals("mlp-235k", model.modelReference());
    }

    @Test
    void aMissingFileSaysFileNotFound(@TempDir Path folder) {
        ArchitectureViewModel model = new ArchitectureViewModel("mlp-235k");
        Path gone = folder.resolve("deleted.json");
        model.loadFile(gone);
        assertEquals("model " + gone + ": file not found", model.errorProperty().get());
        assertEquals("mlp-235k", model.modelReference());
    }

    @Test
    void aFileLoadedTwiceIsListedOnceAndReadAgain(@TempDir Path folder) throws Exception {
        ArchitectureViewModel model = new ArchitectureViewModel("mlp-235k");
        int presets = model.choices().size();
        Path file = folder.resolve("mine.json");
        ArchitectureFiles.write(file, Presets.find("lenet5").orElseThrow());
        model.loadFile(file);
        ArchitectureFiles.write(file, Presets.find("cnn-32").orElseThrow());
        model.loadFile(file);
        assertEquals(presets + 1, model.choices().size());
        assertEquals(Presets.find("cnn-32").orElseThrow().parameterCount(), model.parameterCountProperty().get());
        assertEquals(file.toAbsolutePath().toString(), model.modelReference());
    }
}
