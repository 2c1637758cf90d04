package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldersTest {
    private static final String HOME = "/home/ada";

    @Test
    void scalelabHomeHoldsRecordsLogsAndSettingsTogether() {
        Folders folders = new Folders(Map.of("SCALELAB_HOME", "/opt/lab", "XDG_STATE_HOME", "/state",
                "XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/config"), HOME);
        assertEquals(Path.of("/opt/lab/runs"), folders.runs());
        assertEquals(Path.of("/opt/lab/logs"), folders.logs());
        assertEquals(Path.of("/opt/lab/settings"), folders.settings());
        assertEquals(Path.of("/opt/lab/calibration.json"), folders.calibration());
        assertEquals(Path.of("/home/ada/.cache/scalelab/datasets"), folders.datasets(), "datasets have their own variable");
    }

    @Test
    void otherwiseEachKindGoesToItsXdgFolder() {
        Folders folders = new Folders(Map.of("XDG_STATE_HOME", "/state", "XDG_DATA_HOME", "/data",
                "XDG_CONFIG_HOME", "/config", "XDG_CACHE_HOME", "/cache"), HOME);
        assertEquals(Path.of("/data/scalelab/runs"), folders.runs());
        assertEquals(Path.of("/state/scalelab/logs"), folders.logs());
        assertEquals(Path.of("/config/scalelab"), folders.settings());
        assertEquals(Path.of("/cache/scalelab/datasets"), folders.datasets());
    }

    @Test
    void withNothingSetTheyAreUnderTheHomeFolder() {
        Folders folders = new Folders(Map.of(), HOME);
        assertEquals(Path.of("/home/ada/.local/share/scalelab/runs"), folders.runs());
        assertEquals(Path.of("/home/ada/.local/state/scalelab/logs"), folders.logs());
        assertEquals(Path.of("/home/ada/.config/scalelab"), folders.settings());
        assertEquals(Path.of("/home/ada/.local/state/scalelab/calibration.json"), folders.calibration());
        assertEquals(Path.of("/home/ada/.cache/scalelab/datasets"), folders.datasets());
    }

    @Test
    void relativeOrBlankVariablesAreIgnoredAsTheXdgRulesSay() {
        Folders folders = new Folders(Map.of("XDG_STATE_HOME", "relative", "SCALELAB_HOME", " ",
                "SCALELAB_DATA_DIR", ""), HOME);
        assertEquals(Path.of("/home/ada/.local/state/scalelab/logs"), folders.logs());
        assertEquals(Path.of("/home/ada/.local/share/scalelab/runs"), folders.runs());
        assertEquals(Path.of("/home/ada/.cache/scalelab/datasets"), folders.datasets());
    }

    @Test
    void theDataDirectoryVariableNamesTheDatasetsFolderItself() {
        assertEquals(Path.of("/data/sets"), new Folders(Map.of("SCALELAB_DATA_DIR", "/data/sets",
                "XDG_CACHE_HOME", "/cache"), HOME).datasets());
    }
}
