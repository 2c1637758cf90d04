package org.scalelab.engine.training;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.ArchitectureException;
import org.scalelab.engine.model.ArchitectureFiles;
import org.scalelab.engine.model.Presets;

/** Turns the configuration's {@code model} — a preset name or an architecture file — into an architecture. */
public final class Models {
    private Models() {
    }

    /**
     * @throws ConfigException       when the name is neither a preset nor an existing file
     * @throws ArchitectureException when the file cannot be read as an architecture
     */
    public static Architecture resolve(String model) {
        var preset = Presets.find(model);
        if (preset.isPresent()) {
            return preset.get();
        }
        Path file = asPath(model);
        if (file == null || !Files.isRegularFile(file)) {
            throw new ConfigException("model", model, namesAFile(model) ? "file not found" : "expected a preset ("
                    + String.join(", ", Presets.names())
                    + ") or an architecture file");
        }
        return ArchitectureFiles.read(file);
    }

    /** A path or a JSON file's name was meant as a file: a deleted one is not a misspelt preset. */
    private static boolean namesAFile(String model) {
        return model.contains("/") || model.contains(java.io.File.separator) || model.endsWith(".json");
    }

    /** The file a name would be, or null when no file can have it (a NUL byte, say). */
    private static Path asPath(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
