package org.scalelab.engine.provenance;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a measurement ran on, to print beside it: timings mean little without the CPU, the core count and how
 * busy the machine was (the cores may be shared).
 */
public record MachineDescription(String cpu, int logicalCores, double memoryGiB, String os, String java,
        double loadAverage) {

    public static MachineDescription current() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineDescription(cpuModel().orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (double) (1L << 30),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                os.getSystemLoadAverage());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %d logical cores, %.1f GiB RAM, %s, %s; load average %.2f when it started",
                cpu, logicalCores, memoryGiB, os, java, loadAverage);
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).map(line -> line.replaceFirst("^[^:]*:\\s*", ""))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
