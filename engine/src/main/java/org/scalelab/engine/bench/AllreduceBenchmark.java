package org.scalelab.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.CommandLineIds;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.parallel.launch.RankDevice;
import org.scalelab.engine.parallel.launch.RankJob;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.parallel.launch.RankJobSpec;
import org.scalelab.engine.parallel.launch.RemoteShell;

/**
 * Times allreduce of one flat float buffer for every transport, rank count and size asked for: one job per
 * transport and rank count, which times every size ({@link AllreduceBenchTask}).
 */
public final class AllreduceBenchmark {
    /** Untimed calls first, for the JIT: half a second at least. */
    public static final int DEFAULT_WARMUP = 20;
    /** Timed calls, of which the median is reported. */
    public static final int DEFAULT_REPEATS = 21;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A column of the result: a device and, for MPJ devices, an allreduce algorithm. */
    public enum Transport {
        NIODEV_BUILTIN(RankDevice.NIODEV, AllreduceAlgorithm.BUILTIN, "niodev built-in"),
        NIODEV_RING(RankDevice.NIODEV, AllreduceAlgorithm.RING, "niodev ring"),
        NIODEV_RING_SHM(RankDevice.NIODEV, AllreduceAlgorithm.RING_SHM, "niodev, shm ring"),
        SMPDEV_BUILTIN(RankDevice.SMPDEV, AllreduceAlgorithm.BUILTIN, "smpdev built-in"),
        SMPDEV_RING(RankDevice.SMPDEV, AllreduceAlgorithm.RING, "smpdev ring"),
        THREADS(RankDevice.THREADS, AllreduceAlgorithm.RING, "threads, shared memory");

        private final RankDevice device;
        private final AllreduceAlgorithm algorithm;
        private final String label;

        Transport(RankDevice device, AllreduceAlgorithm algorithm, String label) {
            this.device = device;
            this.algorithm = algorithm;
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Ranks in processes that talk over TCP, so they may sit on different hosts (not the shared-memory ring). */
        public boolean spansHosts() {
            return device == RankDevice.NIODEV && algorithm != AllreduceAlgorithm.RING_SHM;
        }

        /** The name on the command line: niodev-builtin, …, threads. */
        public String id() {
            return CommandLineIds.of(this);
        }

        public static Transport fromId(String id) {
            return CommandLineIds.parse(Transport.class, id, "transport");
        }
    }

    /**
     * What to measure: every transport at every rank count, each size timed {@code repeats} times after warm-up.
     *
     * @param hosts where the ranks run, filling each host's slots in turn (as {@code --hosts} places training's);
     *              empty: all on this machine
     */
    public record Settings(List<Transport> transports, List<Integer> ranks, List<Integer> sizes, int warmup, int repeats,
                           List<HostSlot> hosts) {
        public Settings {
            hosts = List.copyOf(hosts);
        }

        /** All ranks on this machine. */
        public Settings(List<Transport> transports, List<Integer> ranks, List<Integer> sizes, int warmup, int repeats) {
            this(transports, ranks, sizes, warmup, repeats, List.of());
        }
    }

    /**
     * @param timings  per transport, what it measured
     * @param failures per transport that could not run (MPJ missing, say), why
     */
    public record Results(Settings settings, Map<Transport, List<AllreduceTiming>> timings,
            Map<Transport, String> failures) {

        /** The median milliseconds measured for one cell, if it was. */
        public OptionalDouble millis(Transport transport, int floats, int ranks) {
            return timings.getOrDefault(transport, List.of()).stream()
                    .filter(timing -> timing.floats() == floats && timing.ranks() == ranks)
                    .mapToDouble(AllreduceTiming::medianMillis).findFirst();
        }
    }

    private AllreduceBenchmark() {
    }

    /** @param progress told what runs next, for a long benchmark */
    public static Results run(Settings settings, Consumer<String> progress) throws InterruptedException {
        Map<Transport, List<AllreduceTiming>> timings = new LinkedHashMap<>();
        Map<Transport, String> failures = new LinkedHashMap<>();
        for (Transport transport : settings.transports()) {
            List<AllreduceTiming> measured = new ArrayList<>();
            timings.put(transport, measured);
            try {
                for (int ranks : settings.ranks()) {
                    progress.accept(transport.label() + ", " + ranks + " ranks");
                    measured.addAll(measure(transport, ranks, settings));
                }
            } catch (RankJobException e) {
                failures.put(transport, e.getMessage());
            }
        }
        return new Results(settings, timings, failures);
    }

    private static List<AllreduceTiming> measure(Transport transport, int ranks, Settings settings)
            throws InterruptedException {
        List<AllreduceTiming> timings = Collections.synchronizedList(new ArrayList<>());
        RankJobSpec spec = RankJobSpec.builder(AllreduceBenchTask.class, ranks).allreduce(transport.algorithm)
                .taskArgs(AllreduceBenchTask.args(settings.warmup(), settings.repeats(), settings.sizes()))
                .hosts(settings.hosts()).remoteShell(RemoteShell.fromEnvironment()).build();
        RankJob job = transport.device.start(spec, (rank, line) -> {
            if (line.startsWith("{")) {
                timings.add(parse(line));
            }
        });
        job.await();
        return timings;
    }

    private static AllreduceTiming parse(String line) {
        try {
            return JSON.readValue(line, AllreduceTiming.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable timing from a rank: " + line, e);
        }
    }
}
