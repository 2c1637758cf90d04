package org.scalelab.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.io.AtomicFile;
import org.scalelab.engine.runs.ChromeTrace;
import org.scalelab.engine.runs.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab runs trace ID --out FILE}: the run's timeline, to open in Perfetto or chrome://tracing. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Write a run's per-worker timeline as a Chrome trace (open it in ui.perfetto.dev or chrome://tracing).")
final class RunsTraceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The run's id (see: scalelab runs list).")
    String runId;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The trace file to write (JSON).")
    Path out;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RunRecord run = runs.store().load(runId);
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("out", out, "its folder " + folder + " does not exist");
        }
        try {
            // Replaced whole: an interrupted export never leaves half a trace.
            AtomicFile.replaceStreaming(out, stream -> ChromeTrace.write(run, stream));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ID", runId, e.getMessage());
        }
        spec.commandLine().getOut().println("Timeline of " + run.name() + ": " + out
                + " (open it in ui.perfetto.dev or chrome://tracing)");
        return 0;
    }
}
