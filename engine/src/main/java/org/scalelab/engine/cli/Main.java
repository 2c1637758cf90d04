package org.scalelab.engine.cli;

import java.io.PrintWriter;

/** Entry point of {@code ./scalelab}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = ScaleLabCli.commandLine().execute(args);
        } catch (Throwable e) {
            // Picocli hands the commands' exceptions to CliErrors; this catches what escapes it (errors above all).
            exitCode = CliErrors.unexpected(e, "scalelab", new PrintWriter(System.err, true));
        }
        System.exit(exitCode);
    }
}
