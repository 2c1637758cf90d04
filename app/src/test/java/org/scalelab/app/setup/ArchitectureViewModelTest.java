package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArchitectureViewModelTest {

    @Test
    void describesTheStudyBMlpLayerByLayer() {
        ArchitectureViewModel model = new ArchitectureViewModel("mlp-235k");
        assertEquals(235_146, model.parameterCountProperty().get());
        assertEquals(new LayerRow(2, "dense", "256", 200_960), model.layers().get(1));
    }
}
