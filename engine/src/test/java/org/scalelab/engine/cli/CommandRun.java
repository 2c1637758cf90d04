package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of {@code scalelab ARGS} through {@link ScaleLabCli#commandLine()}, output captured (for the command
 * line's tests here and in engine/mpj).
 */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ScaleLabCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    public String lastOutLine() {
        List<String> lines = outLines();
        return lines.get(lines.size() - 1);
    }

    /** The error stream is one line and holds no stack trace. */
    public String oneErrorLine() {
        List<String> lines = err.strip().lines().toList();
        if (lines.size() != 1 || err.contains("\tat ")) {
            throw new AssertionError("expected one error line, got:\n" + err);
        }
        return lines.get(0);
    }
}
