package org.scalelab.engine.provenance;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine and software a run used: without it, images/s from two runs cannot be compared.
 *
 * @param nativeClassifier the ND4J native build actually loaded, e.g. {@code linux-x86_64-onednn}
 *                         (6–8× apart on convolutions, so it matters for every timing)
 * @param nativeThreads    the OpenMP threads ND4J reports using
 * @param ompNumThreads    the {@code OMP_NUM_THREADS} variable as the process started, or null when unset
 */
public record EnvironmentInfo(
        String cpuModel,
        int logicalCores,
        String os,
        String jvm,
        String nd4jBackend,
        String nativeClassifier,
        String blasVendor,
        int nativeThreads,
        String ompNumThreads,
        String hostName) {

    private static final String UNKNOWN = "unknown";
    private static final String NATIVE_LIBRARY = "libnd4jcpu.so";

    /** Describes this process. Initialises ND4J if nothing has yet. */
    public static EnvironmentInfo current() {
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
        return new EnvironmentInfo(
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                String.valueOf(nd4j.getOrDefault("backend", Nd4j.getBackend().getClass().getSimpleName())),
                loadedNativeClassifier(),
                String.valueOf(nd4j.getOrDefault("blas.vendor", UNKNOWN)),
                Integer.parseInt(String.valueOf(nd4j.getOrDefault("omp.threads", "0"))),
                System.getenv("OMP_NUM_THREADS"),
                readHostName());
    }

    /** The machine and software in one line, for the heading of a results table (threads vary per row). */
    public String describe() {
        return String.format("%s, %d logical cores; %s; %s; ND4J %s %s (%s)",
                cpuModel, logicalCores, os, jvm, nd4jBackend, nativeClassifier, blasVendor);
    }

    private static String readCpuModel() {
        return firstMatch(Path.of("/proc/cpuinfo"), "model name")
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    /**
     * The directory JavaCPP extracted the loaded native library into is named after the classifier; the
     * process's memory map is the one place that says which library was really loaded.
     */
    private static String loadedNativeClassifier() {
        return firstMatch(Path.of("/proc/self/maps"), NATIVE_LIBRARY)
                .map(line -> Path.of(line.substring(line.indexOf('/'))).getParent().getFileName().toString())
                .orElse(UNKNOWN);
    }

    /** This machine's name, as the kernel has it (the JDK may ask a resolver that is slow or absent). */
    static String readHostName() {
        return firstLine(Path.of("/proc/sys/kernel/hostname")).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return UNKNOWN;
            }
        });
    }

    private static Optional<String> firstMatch(Path file, String text) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.contains(text)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
