package org.scalelab.engine.cli;

import java.nio.file.Path;
import org.scalelab.engine.config.Folders;
import picocli.CommandLine.Option;

/** {@code --calibration}, shared by {@code predict} and {@code predict calibrate}: where this machine's calibration is. */
final class CalibrationFileOption {

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Default: $SCALELAB_HOME/calibration.json, else $XDG_STATE_HOME/scalelab/calibration.json.")
    Path calibration;

    Path file() {
        return calibration != null ? calibration : Folders.ofThisUser().calibration();
    }
}
