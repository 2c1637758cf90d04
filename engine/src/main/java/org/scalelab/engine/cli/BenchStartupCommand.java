package org.scalelab.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalelab.engine.bench.Median;
import org.scalelab.engine.parallel.launch.ChildJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scalelab bench startup}: how long the workbench takes to open, timed from outside. Each round starts
 * the workbench's JVM as the {@code scalelab} script does, asks it for its {@link StartupMarks}, and notes when
 * each arrives: the window on the screen, the workbench built into it, ND4J's native libraries loaded (Run
 * enabled). Needs a display (an X server, or Xvfb).
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time the workbench's start-up: window shown, workbench built, native libraries loaded.")
public final class BenchStartupCommand implements Callable<Integer> {
    private static final List<String> POINTS = List.of(StartupMarks.WINDOW, StartupMarks.WORKBENCH, StartupMarks.NATIVE);
    /** A round that has not reached every mark by then is stuck, not slow. */
    private static final long ROUND_LIMIT_MS = 120_000;

    @Option(names = "--rounds", paramLabel = "N", description = "Launches to time (default: ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionChecks.atLeastOne("rounds", rounds);
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            spec.commandLine().getErr().println("error: bench startup opens the workbench and needs a display: set"
                    + " DISPLAY (e.g. Xvfb :99 & and DISPLAY=:99)");
            return CliErrors.FAILED;
        }
        Path root = checkoutRoot();
        List<String> command = appCommand(root);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        POINTS.forEach(point -> seconds.put(point, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> marks = timeOneLaunch(command);
            out.printf(Locale.ROOT, "round %d: %s%n", round, String.join(", ", POINTS.stream()
                    .map(point -> String.format(Locale.ROOT, "%s %.2f s", point, marks.get(point))).toList()));
            out.flush();
            marks.forEach((point, value) -> seconds.get(point).add(value));
        }
        out.println();
        TextTable table = new TextTable(List.of("From launch to", "Median (s)", "Min (s)", "Max (s)"),
                new boolean[] {false, true, true, true});
        seconds.forEach((point, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            table.add(List.of(describe(point), format(Median.of(sorted)), format(sorted[0]), format(sorted[sorted.length - 1])));
        });
        table.print(out, false);
        out.println("Rounds: " + rounds + "; " + Runtime.getRuntime().availableProcessors() + " logical cores; "
                + "load average " + Files.readString(Path.of("/proc/loadavg")).strip());
        out.flush();
        return 0;
    }

    /** One launch: the seconds from starting the JVM to each mark; the workbench is closed after the last. */
    private static Map<String, Double> timeOneLaunch(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        long start = System.nanoTime();
        Process app = builder.start();
        Map<String, Double> marks = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            while (marks.size() < POINTS.size() && (System.nanoTime() - start) / 1_000_000 < ROUND_LIMIT_MS) {
                String line = lines.readLine();
                if (line == null) {
                    break;
                }
                if (line.startsWith(StartupMarks.PREFIX)) {
                    marks.put(line.substring(StartupMarks.PREFIX.length()).strip(), (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            // Forcibly: the measurement is over, and a JavaFX window asked to end may wait on its shutdown hooks.
            app.destroyForcibly();
            app.waitFor();
        }
        if (!marks.keySet().containsAll(POINTS)) {
            throw new IllegalStateException("the workbench stopped before it was ready (marks seen: " + marks.keySet()
                    + "); run ./scalelab to see why");
        }
        return marks;
    }

    /** The workbench's JVM as the {@code scalelab} script starts it. */
    private static List<String> appCommand(Path root) throws IOException {
        Path classes = root.resolve("app/target/classes");
        Path jars = root.resolve("app/target/runtime.classpath");
        if (!Files.isRegularFile(jars)) {
            throw new IllegalArgumentException("the workbench is not built (no " + jars + "): run ./scalelab once");
        }
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary()));
        command.addAll(ChildJvm.VECTOR_API);
        command.addAll(List.of("-XX:+UseParallelGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dscalelab.plans=" + root.resolve("experiments/plans"), "-D" + StartupMarks.PROPERTY + "=true",
                "-cp", classes + java.io.File.pathSeparator + Files.readString(jars).strip(), "org.scalelab.app.Launcher"));
        return command;
    }

    /** The checkout this engine was built in: its classes are in engine/target/classes. */
    private static Path checkoutRoot() {
        try {
            Path engineClasses = Path.of(BenchStartupCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return engineClasses.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the engine's own location is not a path", e);
        }
    }

    private static String describe(String point) {
        return switch (point) {
            case StartupMarks.WINDOW -> "window shown";
            case StartupMarks.WORKBENCH -> "workbench built";
            default -> "native libraries loaded (Run enabled)";
        };
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
