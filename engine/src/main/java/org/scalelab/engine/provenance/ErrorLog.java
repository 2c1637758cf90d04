package org.scalelab.engine.provenance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.scalelab.engine.config.Folders;

/**
 * Where a fault of ScaleLab's leaves its stack trace: one file per fault, so that the user reads one line saying
 * what failed and where the details are, and a bug report still gets the whole trace, in
 * {@link Folders#logs()}.
 */
public final class ErrorLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private ErrorLog() {
    }

    public static Path directory() {
        return Folders.ofThisUser().logs();
    }

    /**
     * One line for the user: what failed, the exception's type and message, and where its trace was saved (or
     * why it could not be).
     *
     * @param what what was being done, e.g. {@code "scalelab train"}
     */
    public static String describe(String what, Throwable failure) {
        String line = what + " failed unexpectedly: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage().lines().findFirst().orElse(""));
        try {
            return line + " (a fault of ScaleLab's; the details are in " + save(what, failure) + ")";
        } catch (IOException | RuntimeException e) {
            return line + " (a fault of ScaleLab's; its details could not be saved in " + directory() + ": " + e + ")";
        }
    }

    /** Writes the trace to a new file and returns it. */
    static Path save(String what, Throwable failure) throws IOException {
        Path folder = Files.createDirectories(directory());
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            out.println(what + " failed at " + LocalDateTime.now());
            failure.printStackTrace(out);
        }
        Path file = folder.resolve("error-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid()
                + ".log");
        return Files.writeString(uniqueName(file), trace.toString());
    }

    private static Path uniqueName(Path file) {
        Path candidate = file;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = file.resolveSibling(file.getFileName().toString().replace(".log", "-" + i + ".log"));
        }
        return candidate;
    }
}
