package org.scalelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.data.DatasetStatus;

class DatasetViewModelTest {
    @TempDir
    Path cache;

    private DatasetViewModel model() {
        return new DatasetViewModel(new DatasetCatalog(cache, cache.resolve("not-installed")), Threads.direct(), "mnist-mini");
    }

    @Test
    void listsEveryDatasetWithItsStateAndStartsOnTheEmbeddedOne() {
        DatasetViewModel model = model();
        assertEquals("mnist-mini", model.selectedName());
        assertEquals(DatasetStatus.EMBEDDED, model.selectedProperty().get().status());
        assertFalse(model.missingProperty().get());
        assertTrue(model.datasets().size() > 1);
    }

    @Test
    void aFailedImportShowsTheCatalogsMessageAndLeavesTheDatasetMissing() {
        DatasetViewModel model = model();
        model.selectedProperty().set(model.datasets().stream()
                .filter(d -> d.info().name().equals("cifar10")).findFirst().orElseThrow());
        assertTrue(model.missingProperty().get());
        model.importFrom(cache.resolve("no-such-folder"));
        assertFalse(model.busyProperty().get());
        assertTrue(model.errorProperty().get().contains("no-such-folder"), model.errorProperty().get());
        assertEquals("cifar10", model.selectedName());
        assertTrue(model.missingProperty().get());
    }
}
