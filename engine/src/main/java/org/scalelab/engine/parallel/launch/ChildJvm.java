package org.scalelab.engine.parallel.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a Java program in a new JVM like this one: the same {@code java} binary and class path. Used wherever
 * something must be set before a JVM starts — the native thread count ({@code OMP_NUM_THREADS}) above all —
 * or must run in a process of its own. The child's standard input stays connected to this process, its errors are
 * passed on to this process's; a child that calls {@link ParentWatch#exitWhenParentGoes()} ends as soon as this
 * process does.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param environment added to this process's environment for the child
     * @return the started process; its output is for the caller to read
     */
    public static Process start(Class<?> mainClass, List<String> args, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, args));
        builder.environment().putAll(environment);
        Process child = builder.start();
        readErrorLines(child, "child-" + child.pid() + "-stderr", line -> System.err.println(line));
        return child;
    }

    /**
     * Hands each line of the child's stderr to {@code lines} on a daemon thread of that name, without
     * {@link #VECTOR_API_WARNING}.
     */
    static Thread readErrorLines(Process child, String threadName, Consumer<String> lines) {
        return readLines(child.getErrorStream(), threadName, line -> {
            if (!line.equals(VECTOR_API_WARNING)) {
                lines.accept(line);
            }
        });
    }

    /** Hands each line of {@code in} to {@code lines} on a started daemon thread of that name, until the stream ends. */
    static Thread readLines(InputStream in, String threadName, Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The stream closes when the child exits or is destroyed: nothing left to read.
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Options that resolve the JDK's Vector API, an incubating module in Java 17 that a JVM leaves out unless asked
     * for it: the kernels of max pooling and the first convolution use it ({@code model/kernels}). The
     * {@code scalelab} script adds the same options.
     */
    public static final List<String> VECTOR_API = List.of("--add-modules", "jdk.incubator.vector");

    /**
     * What a JVM started with {@link #VECTOR_API} prints first on its stderr, before any code runs, and no option
     * turns off. Where ScaleLab passes a child's or rank's stderr on, it drops this line, as the {@code scalelab}
     * script drops its own JVM's.
     */
    public static final String VECTOR_API_WARNING = "WARNING: Using incubator modules: " + VECTOR_API.get(1);

    /**
     * Options that send the JVM's own warnings to stderr. HotSpot writes them to stdout by default, and stdout is a child's
     * or a rank's channel to this process: a rank's "[warning][perf,memops] Cannot use file /tmp/hsperfdata_root/…" line
     * once ended a run as a line that is not an event.
     */
    static final List<String> JVM_WARNINGS_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    /** The launcher and the options every child JVM and rank starts with, before its own. */
    public static List<String> launcher() {
        List<String> launcher = new ArrayList<>(List.of(javaBinary()));
        launcher.addAll(JVM_WARNINGS_TO_STDERR);
        launcher.addAll(VECTOR_API);
        return launcher;
    }

    /** The command line that runs {@code mainClass} in a JVM like this one, for a caller that wraps it. */
    public static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = launcher();
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // Logging goes to stderr either way; keep ND4J's start-up chatter out of the parent's console.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel="
                + System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /**
     * The {@code java} launcher of the runtime this JVM runs on, for child JVMs and ranks. Named by
     * {@code java.home}, which every JVM knows (the operating system may not tell a process's command); a rank
     * on another host runs the same path there.
     */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
