package org.scalelab.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalelab.app.setup.ExperimentViewModel;
import org.scalelab.engine.config.ConfigJson;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.io.AtomicFile;

/**
 * The experiment as it was set up when the workbench last closed, so the next launch opens on it. It is kept as a
 * flat object of options, as plan files write them ({@link ConfigJson}). A file that cannot be read is ignored with
 * one line on {@code warnings}: a damaged setting must never keep the workbench from opening.
 *
 * @param file     where the setup is kept, in the settings folder
 * @param warnings where a damaged or unwritable file is reported
 */
record LastSetup(Path file, PrintStream warnings) {
    private static final String FILE = "last-setup.json";

    static LastSetup in(Path settingsFolder) {
        return new LastSetup(settingsFolder.resolve(FILE), System.err);
    }

    /** Sets the experiment's fields to the kept setup; nothing when none was kept or it cannot be read. */
    void restoreInto(ExperimentViewModel experiment) {
        if (!Files.exists(file)) {
            return; // a first launch
        }
        JsonNode options;
        try {
            options = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            warn("ignoring the last setup in " + file + ": " + firstLine(e.getMessage()));
            return;
        }
        try {
            experiment.load(ConfigJson.read(options, OptionValues.defaults(), file.toString()).build());
        } catch (RuntimeException e) {
            warn("ignoring the last setup: " + firstLine(e.getMessage()));
        }
    }

    /** Keeps the experiment's setup for the next launch; a setup with a faulty field keeps the one kept before. */
    void keepFrom(ExperimentViewModel experiment) {
        experiment.config().ifPresent(config -> {
            try {
                AtomicFile.replace(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
            } catch (IOException e) {
                warn("could not keep the setup in " + file + ": " + e.getMessage());
            }
        });
    }

    private void warn(String line) {
        warnings.println("scalelab: " + line);
    }

    /** Jackson's messages go on to quote the source over several lines. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
