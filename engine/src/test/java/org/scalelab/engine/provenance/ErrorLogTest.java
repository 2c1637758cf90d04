package org.scalelab.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorLogTest {
    @Test
    void tracesGoToScalelabHomeElseTheXdgStateFolderElseTheHomeFolder() {
        assertEquals(Path.of("/opt/lab/logs"), ErrorLog.directory(Map.of("SCALELAB_HOME", "/opt/lab",
                "XDG_STATE_HOME", "/state"), "/home/ada"));
        assertEquals(Path.of("/state/scalelab/logs"), ErrorLog.directory(Map.of("XDG_STATE_HOME", "/state"), "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/state/scalelab/logs"),
                ErrorLog.directory(Map.of("XDG_STATE_HOME", "relative"), "/home/ada"));
    }
}
