package org.scalelab.engine.parallel.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.scalelab.engine.config.AllreduceAlgorithm;

/**
 * What to run and how: the task every rank runs, how many ranks, and, for ranks in child JVMs, how to start
 * them. Built with {@link #builder}.
 *
 * @param extraClassPath     where to find the task class when it is neither in the engine nor in scalelab-mpj
 *                           (tests' own tasks); used by ranks in child JVMs and in smpdev rank class loaders
 * @param nativeThreads      {@code OMP_NUM_THREADS} of each child JVM, the only setting that bounds ND4J's
 *                           native threads (it is read once, when a JVM starts)
 * @param jvmOptions         options of each child JVM
 * @param startupTimeout     how long ranks in child JVMs may take to report to the port exchange
 * @param hosts              where each rank runs; empty: all on this machine
 * @param remoteShell        the command, followed by the host name and the rank's command line as one shell
 *                           word, that starts a rank on another machine
 */
public record RankJobSpec(String taskClass, List<String> taskArgs, int ranks, AllreduceAlgorithm allreduce,
        List<Path> extraClassPath, int nativeThreads, List<String> jvmOptions, Duration startupTimeout,
        List<HostSlot> hosts, List<String> remoteShell) {

    public RankJobSpec {
        if (ranks < 1) {
            throw new IllegalArgumentException("a job needs at least one rank, got " + ranks);
        }
        if (nativeThreads < 1) {
            throw new IllegalArgumentException("each rank needs at least one native thread, got " + nativeThreads);
        }
        taskArgs = List.copyOf(taskArgs);
        extraClassPath = List.copyOf(extraClassPath);
        jvmOptions = List.copyOf(jvmOptions);
        hosts = List.copyOf(hosts);
        remoteShell = List.copyOf(remoteShell);
    }

    public static Builder builder(Class<? extends RankTask> task, int ranks) {
        return builder(task.getName(), ranks);
    }

    public static Builder builder(String taskClass, int ranks) {
        return new Builder(taskClass, ranks);
    }

    /** Defaults: ring allreduce, one native thread per rank, serial GC, 30 s to start, all ranks here, ssh. */
    public static final class Builder {
        private final String taskClass;
        private final int ranks;
        private List<String> taskArgs = List.of();
        private AllreduceAlgorithm allreduce = AllreduceAlgorithm.RING;
        private List<Path> extraClassPath = List.of();
        private int nativeThreads = 1;
        // Serial GC: a rank's heap is small, and parallel GC threads would only compete for the shared cores.
        private List<String> jvmOptions = List.of("-XX:+UseSerialGC");
        private Duration startupTimeout = Duration.ofSeconds(30);
        private List<HostSlot> hosts = List.of();
        private List<String> remoteShell = List.of("ssh", "-o", "BatchMode=yes");

        private Builder(String taskClass, int ranks) {
            this.taskClass = taskClass;
            this.ranks = ranks;
        }

        public Builder taskArgs(List<String> args) {
            this.taskArgs = args;
            return this;
        }

        public Builder taskArgs(String... args) {
            return taskArgs(List.of(args));
        }

        public Builder allreduce(AllreduceAlgorithm algorithm) {
            this.allreduce = algorithm;
            return this;
        }

        public Builder extraClassPath(List<Path> entries) {
            this.extraClassPath = entries;
            return this;
        }

        public Builder nativeThreads(int threads) {
            this.nativeThreads = threads;
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = options;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Hosts in the order ranks fill their slots, as read by {@link HostFile#read}. */
        public Builder hosts(List<HostSlot> hostSlots) {
            this.hosts = hostSlots;
            return this;
        }

        public Builder remoteShell(List<String> command) {
            this.remoteShell = command;
            return this;
        }

        public RankJobSpec build() {
            return new RankJobSpec(taskClass, taskArgs, ranks, allreduce, extraClassPath, nativeThreads, jvmOptions,
                    startupTimeout, hosts, remoteShell);
        }
    }
}
