package org.scalelab.engine.training;

import java.lang.management.ManagementFactory;

/**
 * How busy this process kept the machine between {@link #restart} and {@link #usage}: process CPU time over
 * wall time × logical cores, so 1.0 means every core was busy all the time. (Study C reports this figure
 * per configuration; here it also shows native threads spinning without gain.)
 */
public final class CpuMeter {
    /** One clock tick is then at most 5 % of the interval. */
    static final long SHORTEST_INTERVAL_NANOS = 200_000_000L;

    private final com.sun.management.OperatingSystemMXBean os;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long startCpu;
    private long startWall;

    public CpuMeter() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        os = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
        restart();
    }

    public void restart() {
        startCpu = cpuNanos();
        startWall = System.nanoTime();
    }

    /**
     * Fraction of all cores used since {@link #restart}, 0..1; NaN where the JVM cannot tell, or when less than
     * {@link #SHORTEST_INTERVAL_NANOS} passed: Linux JVMs count process CPU time in 10 ms clock ticks, so a
     * few-millisecond interval could read as several times the machine.
     */
    public double usage() {
        long cpu = cpuNanos();
        long wall = System.nanoTime() - startWall;
        if (cpu < 0 || startCpu < 0 || wall < SHORTEST_INTERVAL_NANOS) {
            return Double.NaN;
        }
        return Math.min(1.0, (double) (cpu - startCpu) / ((double) wall * cores));
    }

    private long cpuNanos() {
        return os == null ? -1 : os.getProcessCpuTime();
    }
}
