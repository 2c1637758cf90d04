package org.scalelab.engine.cli;

import java.nio.file.Path;
import org.scalelab.engine.predict.MachineCalibration;
import picocli.CommandLine.Option;

/** {@code --calibration}, shared by {@code predict} and {@code predict calibrate}: where this machine's calibration is. */
final class CalibrationFileOption {

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Default: $SCALELAB_CALIBRATION, else calibration.json beside the datasets' cache.")
    Path calibration;

    Path file(DataDirOption data) {
        return calibration != null ? calibration : MachineCalibration.defaultFile(data.catalog().cacheDir());
    }
}
