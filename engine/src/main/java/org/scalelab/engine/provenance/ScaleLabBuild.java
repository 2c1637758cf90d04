package org.scalelab.engine.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.Properties;

/**
 * Which ScaleLab this is: the version Maven built, from a resource it filtered, and the git commit of the
 * checkout it runs from. The commit is read when asked rather than stamped at build time, as {@code ./scalelab}
 * rebuilds only when a source file changes, not when a commit is made. An installed copy reads the commit its
 * package was built from; anything else says {@value #UNKNOWN}.
 */
public final class ScaleLabBuild {
    public static final String UNKNOWN = "unknown";
    /** The engine's classes sit at {@code engine/target/classes} (or its jar in {@code engine/target}). */
    private static final int CHECKOUT_LEVELS_ABOVE_CLASSES = 3;
    /** Beside the jars of an installed copy ({@code installer/build} writes it). */
    private static final String COMMIT_FILE = "COMMIT";

    private static final String VERSION = readVersion();
    private static final String COMMIT = readCommit();

    private ScaleLabBuild() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}, or {@value #UNKNOWN} when the classes were not built by Maven. */
    public static String version() {
        return VERSION;
    }

    /** The full hash of the checkout's HEAD, or {@value #UNKNOWN}. */
    public static String commit() {
        return COMMIT;
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = ScaleLabBuild.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Then the version is not known; nothing depends on it but what is shown to people.
        }
        String version = properties.getProperty("version", UNKNOWN);
        return version.startsWith("${") ? UNKNOWN : version;
    }

    private static String readCommit() {
        CodeSource source = ScaleLabBuild.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return UNKNOWN;
        }
        try {
            Path classes = Path.of(source.getLocation().toURI());
            Path folder = Files.isDirectory(classes) ? classes : classes.getParent();
            return GitCheckout.headCommit(folder, CHECKOUT_LEVELS_ABOVE_CLASSES).or(() -> stampedCommit(folder))
                    .orElse(UNKNOWN);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** An installed copy has no checkout: the package's build wrote the commit it was built from beside the jars. */
    private static Optional<String> stampedCommit(Path folder) {
        try {
            String commit = Files.readString(folder.resolve(COMMIT_FILE)).strip();
            return commit.matches("[0-9a-f]{40}") ? Optional.of(commit) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
