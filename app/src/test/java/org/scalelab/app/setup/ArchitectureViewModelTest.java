package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
