package org.scalelab.engine.strategies;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.ImageSet;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.training.RunPlan;

/**
 * What a run asks of the machines set against what they have, judged before anything starts. More workers than
 * cores only makes each slower: the run starts, and is marked oversubscribed so that its speedups are read with
 * that in mind. Far more than the machine can hold — over {@value #MOST_PER_CORE} per core, or more memory than
 * is available — would thrash or be killed before its first step, taking the machine down with it: refused, with
 * the figures, unless {@code --allow-oversubscribe}.
 *
 * <p>On this machine the units are cores (P × T) and memory is estimated; across the machines of a hosts file
 * only the ranks and the slots the file gives are known, so ranks are counted against slots, as mpirun does.
 *
 * @param units           cores of this machine, or slots of the hosts file
 * @param unitName        "core" or "slot", for messages
 * @param availableMemory bytes this machine can still give, when the run is on it; empty across machines
 * @param jvmMemory       bytes this JVM may still take for ND4J's arrays (JavaCPP's limit, from -Xmx), which
 *                        bounds workers that are threads of this JVM
 */
public record Capacity(int units, String unitName, OptionalLong availableMemory, long jvmMemory) {
    /** Beyond this many workers per core (ranks per slot) a run is refused unless the user insists. */
    static final int MOST_PER_CORE = 8;
    /** A rank's JVM before it holds any data: measured 80–260 MB resident (docs: mpj-express notes). */
    static final long RANK_JVM_BYTES = 200L << 20;

    /** This machine's cores and available memory. */
    public static Capacity ofThisMachine() {
        return new Capacity(Runtime.getRuntime().availableProcessors(), "core", OptionalLong.of(memoryAvailableNow()),
                Pointer.maxPhysicalBytes() > 0 ? Pointer.maxPhysicalBytes() - Pointer.physicalBytes() : Long.MAX_VALUE);
    }

    /** The machines a run goes to: this one, or the slots of its hosts file. */
    public static Capacity of(List<HostSlot> hosts) {
        return hosts.isEmpty() ? ofThisMachine()
                : new Capacity(hosts.stream().mapToInt(HostSlot::slots).sum(), "slot", OptionalLong.empty(), Long.MAX_VALUE);
    }

    /** What the run puts to work, in this capacity's units: P × T cores here, P ranks across machines. */
    int demand(TrainingConfig config) {
        return availableMemory.isPresent() ? config.cores() : config.parallelism().processes();
    }

    /** More workers than cores (ranks than slots): allowed, but each worker is slower than it would be alone. */
    public boolean oversubscribedBy(TrainingConfig config) {
        return demand(config) > units;
    }

    /**
     * @throws ConfigException naming {@code --procs} or {@code --threads}, with the figures and the option that
     *                         overrides it, when the run asks for more than the machines can hold
     */
    public void check(RunPlan plan) {
        TrainingConfig config = plan.config();
        if (config.placement().allowOversubscribe()) {
            return;
        }
        int demand = demand(config);
        if (demand > MOST_PER_CORE * units) {
            throw refusal(config, String.format(Locale.ROOT, "%,d %s on %,d %ss is more than this run may ask "
                    + "(at most %d per %s, %,d)", demand, availableMemory.isPresent() ? "workers" : "ranks", units,
                    unitName, MOST_PER_CORE, unitName, MOST_PER_CORE * units));
        }
        if (availableMemory.isPresent()) {
            // Workers that are threads of this JVM must also fit what this JVM may take.
            long available = config.launchesProcesses() ? availableMemory.getAsLong()
                    : Math.min(availableMemory.getAsLong(), jvmMemory);
            if (estimatedBytes(plan) > available) {
                throw refusal(config, String.format(Locale.ROOT, "the run needs about %s of memory but %s is "
                        + "available%s", size(estimatedBytes(plan)), size(available),
                        available < availableMemory.getAsLong() ? " to this JVM (its -Xmx sets that)" : ""));
            }
        }
    }

    private static ConfigException refusal(TrainingConfig config, String figures) {
        if (config.cores() == 1) {
            return new ConfigException(TrainingOptions.MODEL.key(), config.model().name(), figures
                    + "; use a smaller model, or " + TrainingOptions.ALLOW_OVERSUBSCRIBE.cliName() + " to start anyway");
        }
        boolean processes = config.parallelism().processes() > 1;
        String option = (processes ? TrainingOptions.PROCS : TrainingOptions.THREADS).key();
        int value = processes ? config.parallelism().processes() : config.parallelism().threads();
        return new ConfigException(option, value, figures + "; use fewer, or "
                + TrainingOptions.ALLOW_OVERSUBSCRIBE.cliName() + " to start anyway");
    }

    /**
     * A rough lower bound of the memory the run adds: per worker its replica (parameters, gradients and the
     * optimiser's state) and its activations; per rank that is a JVM of its own, the JVM and its copy of the
     * dataset; ranks that are threads of this JVM load their own copy too.
     */
    static long estimatedBytes(RunPlan plan) {
        TrainingConfig config = plan.config();
        List<Layer> layers = plan.architecture().buildLayers(0);
        long parameters = layers.stream().mapToLong(Layer::parameterCount).sum();
        long activations = layers.stream().mapToLong(layer -> layer.outputShape().size()).sum()
                + plan.architecture().input().size();
        int workers = config.workers();
        long batchPart = (config.globalBatchSize() + workers - 1) / workers;
        int optimizerCopies = config.optimizer().kind() == OptimizerKind.ADAM ? 2
                : config.optimizer().kind() == OptimizerKind.MOMENTUM ? 1 : 0;
        // Forward values and backward gradients of every activation, in floats.
        long perWorker = Float.BYTES * (parameters * (2L + optimizerCopies) + 2 * activations * batchPart);
        long total = workers * perWorker;
        if (config.parallelism().strategy().needsMpj(config.parallelism().processes())) {
            long dataset = bytes(plan.dataset().train()) + bytes(plan.dataset().test());
            total += config.parallelism().processes() * dataset;
            if (config.launchesProcesses()) {
                total += config.parallelism().processes() * RANK_JVM_BYTES;
            }
        }
        return total;
    }

    private static long bytes(ImageSet images) {
        return (long) images.size() * (images.shape().size() + 1);
    }

    /** MemAvailable of /proc/meminfo (free memory plus what the kernel can reclaim), else the JVM's free figure. */
    private static long memoryAvailableNow() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemAvailable:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .orElseGet(Capacity::freeMemoryAsTheJvmSeesIt);
        } catch (IOException | RuntimeException e) {
            return freeMemoryAsTheJvmSeesIt();
        }
    }

    private static long freeMemoryAsTheJvmSeesIt() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getFreeMemorySize();
    }

    /** "3.2 GB", "850 MB", "95 KB". */
    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%,d MB", bytes >> 20)
                : String.format(Locale.ROOT, "%,d KB", bytes >> 10);
    }
}
