package org.scalelab.app;

import java.nio.file.Path;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.Folders;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.runs.RunStore;

/**
 * What the workbench opens on and where it keeps things. Tests pass their own (temporary folders, a machine
 * with or without MPJ Express) so they never touch the user's data and need not install MPJ.
 *
 * @param catalog      the datasets, with their cache folder
 * @param runs         where every run is saved
 * @param preset       the architecture chosen at start
 * @param availability which strategies can run on this machine
 * @param calibration  this machine's calibration for predictions ({@code scalelab predict calibrate}'s file)
 */
public record WorkbenchSettings(DatasetCatalog catalog, RunStore runs, String preset, StrategyAvailability availability,
                                Path calibration) {

    /** Settings for this machine as it is. */
    public WorkbenchSettings(DatasetCatalog catalog, RunStore runs, String preset) {
        this(catalog, runs, preset, StrategyAvailability.ENGINE, Folders.ofThisUser().calibration());
    }

    /**
     * Where the ready study plans are: {@code -Dscalelab.plans} (the launcher sets it to the checkout's
     * {@code experiments/plans}), else {@code experiments/plans} under the working folder.
     */
    public static Path readyPlans() {
        return Path.of(System.getProperty("scalelab.plans", "experiments/plans"));
    }

    /** The embedded digits and Study B's MLP: ready to run offline the moment the window opens. */
    public static WorkbenchSettings defaults() {
        return new WorkbenchSettings(new DatasetCatalog(), new RunStore(Folders.ofThisUser().runs()),
                TrainingOptions.MODEL.defaultValue());
    }
}
