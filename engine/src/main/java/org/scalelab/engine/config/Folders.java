package org.scalelab.engine.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ScaleLab keeps what it writes, by the XDG base-directory rules: each kind of file in the folder the user
 * expects it in (records as data, traces as state, downloads as cache, the workbench's settings as config).
 * {@code $SCALELAB_HOME} puts records, logs and settings in one folder instead (a course's shared disk, a test);
 * {@code $SCALELAB_DATA_DIR} does so for the datasets, which are large and often shared between users.
 *
 * @param environment the variables to read, usually this process's
 * @param userHome    the user's home folder, for the XDG defaults
 */
public record Folders(Map<String, String> environment, String userHome) {

    public static Folders ofThisUser() {
        return new Folders(System.getenv(), System.getProperty("user.home"));
    }

    /** Run records and studies: {@code $SCALELAB_HOME/runs}, else {@code $XDG_DATA_HOME/scalelab/runs}. */
    public Path runs() {
        return home("runs", "XDG_DATA_HOME", ".local/share");
    }

    /** Stack traces of ScaleLab's own faults: {@code $SCALELAB_HOME/logs}, else {@code $XDG_STATE_HOME/scalelab/logs}. */
    public Path logs() {
        return home("logs", "XDG_STATE_HOME", ".local/state");
    }

    /**
     * This machine's calibration for {@code predict}: {@code $SCALELAB_HOME/calibration.json}, else
     * {@code $XDG_STATE_HOME/scalelab/calibration.json} (measured here, and measured again rather than shared).
     */
    public Path calibration() {
        String home = variable("SCALELAB_HOME");
        return home != null ? Path.of(home, "calibration.json")
                : xdg("XDG_STATE_HOME", ".local/state").resolve("scalelab").resolve("calibration.json");
    }

    /** What the workbench remembers between launches: {@code $SCALELAB_HOME/settings}, else {@code $XDG_CONFIG_HOME/scalelab}. */
    public Path settings() {
        String home = variable("SCALELAB_HOME");
        return home != null ? Path.of(home, "settings") : xdg("XDG_CONFIG_HOME", ".config").resolve("scalelab");
    }

    /** Downloaded and imported datasets: {@code $SCALELAB_DATA_DIR}, else {@code $XDG_CACHE_HOME/scalelab/datasets}. */
    public Path datasets() {
        String dataDir = variable("SCALELAB_DATA_DIR");
        return dataDir != null ? Path.of(dataDir) : xdg("XDG_CACHE_HOME", ".cache").resolve("scalelab").resolve("datasets");
    }

    private Path home(String folder, String xdgVariable, String xdgDefault) {
        String home = variable("SCALELAB_HOME");
        return home != null ? Path.of(home, folder) : xdg(xdgVariable, xdgDefault).resolve("scalelab").resolve(folder);
    }

    /** An XDG base folder; the specification says to ignore a relative path. */
    private Path xdg(String variable, String defaultUnderHome) {
        String value = variable(variable);
        return value != null && Path.of(value).isAbsolute() ? Path.of(value) : Path.of(userHome, defaultUnderHome);
    }

    private String variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
