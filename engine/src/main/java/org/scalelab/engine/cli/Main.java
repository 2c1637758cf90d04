package org.scalelab.engine.cli;

/** Entry point of {@code ./scalelab}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ScaleLabCli.commandLine().execute(args));
    }
}
