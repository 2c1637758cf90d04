package org.scalelab.engine.studies;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalelab.engine.config.CommandLineArgs;
import org.scalelab.engine.events.EventJson;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.training.CancellationToken;

/**
 * Runs each cell as {@code scalelab train} in a JVM of its own, so that no cell inherits another's warm JIT,
 * caches or heap, and follows it through the events it prints as JSON lines. Cancelling stops the child as
 * Ctrl-C would (its record ends as cancelled); a child whose study process dies ends with it.
 */
public final class ChildCellLauncher implements CellLauncher {
    private static final long CANCEL_POLL_MILLIS = 100;

    private final Class<?> commandLineMain;
    private final List<String> commonArgs;

    /**
     * @param commandLineMain the command line's entry point ({@code cli.Main}), which this layer does not name
     * @param runsDirectory   where the cells' run records go
     * @param dataDirectory   where downloaded datasets are, or null for the default
     */
    public ChildCellLauncher(Class<?> commandLineMain, Path runsDirectory, Path dataDirectory) {
        this.commandLineMain = commandLineMain;
        List<String> args = new ArrayList<>(List.of("--runs-dir", runsDirectory.toString()));
        if (dataDirectory != null) {
            args.addAll(List.of("--data-dir", dataDirectory.toString()));
        }
        this.commonArgs = List.copyOf(args);
    }

    @Override
    public Outcome run(StudyRecord.Cell cell, String name, Set<String> tags, RunListener listener,
                       CancellationToken cancellation) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(CommandLineArgs.of(cell.config()));
        args.addAll(commonArgs);
        args.addAll(List.of("--name", name, "--event-lines", "--exit-with-parent"));
        tags.forEach(tag -> args.addAll(List.of("--tag", tag)));
        Process child;
        try {
            child = ChildJvm.start(commandLineMain, args, Map.of());
        } catch (IOException e) {
            return new Outcome(null, RunStatus.FAILED, "cannot start the cell's JVM: " + e.getMessage());
        }
        Thread canceller = cancelOnRequest(child, cancellation);
        String runId = null;
        RunEvent last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("{")) {
                    continue; // not an event: the record's path, printed last
                }
                RunEvent event = EventJson.fromLine(line);
                if (event instanceof RunStarted started) {
                    runId = started.runId();
                }
                last = event;
                listener.onEvent(event);
            }
            int exit = child.waitFor();
            return outcome(runId, last, exit, cancellation);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(runId, RunStatus.FAILED, "lost the cell's events: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(runId, RunStatus.CANCELLED, "interrupted");
        } finally {
            canceller.interrupt();
            child.destroy();
        }
    }

    private static Outcome outcome(String runId, RunEvent last, int exit, CancellationToken cancellation) {
        if (last instanceof RunFinished) {
            return new Outcome(runId, RunStatus.FINISHED, null);
        }
        if (last instanceof RunFailed failed) {
            return new Outcome(runId, failed.status(), failed.message());
        }
        if (cancellation.isCancelled()) {
            return new Outcome(runId, RunStatus.CANCELLED, "cancelled while starting");
        }
        return new Outcome(runId, RunStatus.FAILED, "the cell's JVM ended with exit code " + exit
                + " before its run did (its errors are above)");
    }

    /** Stops the child as Ctrl-C does (SIGTERM: it saves its record as cancelled) once the study is cancelled. */
    private static Thread cancelOnRequest(Process child, CancellationToken cancellation) {
        Thread thread = new Thread(() -> {
            try {
                while (child.isAlive() && !cancellation.isCancelled()) {
                    Thread.sleep(CANCEL_POLL_MILLIS);
                }
                child.destroy();
            } catch (InterruptedException e) {
                // the cell ended on its own
            }
        }, "study-cell-cancel");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
