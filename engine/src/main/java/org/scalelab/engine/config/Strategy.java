package org.scalelab.engine.config;


/**
 * How a run spreads its work over workers. Every strategy trains the same network on the same global batches
 * and reports the same events; they differ in where the workers live and how they combine their work.
 * {@code processes} (P) and {@code threads} (T) of the configuration mean, per strategy:
 */
public enum Strategy {
    /** One worker with one native thread: the baseline every speedup is measured against. P = T = 1. */
    SERIAL(false),
    /** One worker with T threads, each taking part of every large layer's batch (IntraOpThreads). P = 1. */
    INTRA_OP(false),
    /** T workers in this JVM, one native thread each, summing gradients in shared memory. P = 1. */
    THREADS(false),
    /** P ranks as child JVMs on MPJ Express niodev, an allreduce per step; T native threads per rank. */
    MPJ(true),
    /** P ranks × T worker threads: shared-memory sum inside a rank, then MPJ across ranks. */
    HYBRID(true),
    /** P ranks as threads of this JVM on MPJ Express smpdev; T native threads per rank. */
    MPJ_MULTICORE(true),
    /**
     * P ranks × T worker threads, each stepping on its own part of the data and averaging parameters every
     * {@code averagingPeriod} steps (Study C); P = 1 keeps every worker in this JVM.
     */
    PARAM_AVG(true),
    /**
     * P ranks as child JVMs on niodev: rank 0 is a parameter server holding the weights and the optimiser, the
     * P − 1 others compute gradients on their parts of each global batch and push them without waiting for each
     * other ({@code maxStaleness} bounds how old their weights may be); T native threads per rank. P ≥ 2.
     */
    ASYNC(true),
    /**
     * P ranks as child JVMs on niodev, each a stage holding consecutive layers of the one network: every global
     * batch flows through them in {@code microbatches} parts, all forward, then all backward (GPipe); each stage
     * updates its own layers. T native threads per rank.
     */
    PIPELINE(true);

    private final boolean mayNeedMpj;

    Strategy(boolean mayNeedMpj) {
        this.mayNeedMpj = mayNeedMpj;
    }

    /** Whether a run with {@code processes} processes needs MPJ Express. */
    public boolean needsMpj(int processes) {
        return mayNeedMpj && (this != PARAM_AVG || processes > 1);
    }

    /** Whether a run with {@code processes} processes starts its ranks as child JVMs on MPJ's niodev device. */
    public boolean launchesProcesses(int processes) {
        return this == MPJ || this == HYBRID || this == PIPELINE || this == ASYNC || this == PARAM_AVG && processes > 1;
    }

    /** Workers in all, each holding a replica of the network and taking a part of every global batch. */
    public int workers(int processes, int threads) {
        return (processes - servingRanks()) * workersPerProcess(threads);
    }

    /** Ranks that hold the weights for the others rather than train: the parameter server of {@link #ASYNC}. */
    public int servingRanks() {
        return this == ASYNC ? 1 : 0;
    }

    /** Worker threads in each process (the others use their {@code threads} as native threads, or not at all). */
    public int workersPerProcess(int threads) {
        return switch (this) {
            case THREADS, HYBRID, PARAM_AVG -> threads;
            default -> 1;
        };
    }

    /**
     * Native threads a run keeps busy, what competes for the cores: every worker's native threads (a threads
     * worker has one, an intra-op worker or an MPJ rank has T), not P × T, which overcounts hybrid runs. Async's
     * parameter server, which mostly waits for pushes, is not counted.
     */
    public long busyThreads(int processes, int threads) {
        return (long) workers(processes, threads) * nativeThreadsPerWorker(threads);
    }

    /** Native (OpenMP) threads each worker's ND4J operations may use. */
    public int nativeThreadsPerWorker(int threads) {
        return switch (this) {
            case INTRA_OP, MPJ, MPJ_MULTICORE, PIPELINE, ASYNC -> threads;
            default -> 1;
        };
    }

    /** Whether P, the processes option, changes a run of this strategy (for the others it must be 1). */
    public boolean usesProcesses() {
        return mayNeedMpj;
    }

    /** Whether T, the threads option, changes a run of this strategy (serial has one thread, always). */
    public boolean usesThreads() {
        return this != SERIAL;
    }

    /** Whether the ranks sum gradients by an MPJ allreduce whose algorithm can be chosen. */
    public boolean sumsByAllreduce() {
        return this == MPJ || this == HYBRID || this == MPJ_MULTICORE;
    }

    /** Whether the workers sum their gradients by an allreduce every step, which {@code --overlap} can hide. */
    public boolean allreducesGradients() {
        return this == THREADS || sumsByAllreduce();
    }

    /** Whether workers step on their own and average parameters from time to time, rather than sum gradients. */
    public boolean averagesParameters() {
        return this == PARAM_AVG;
    }

    /** Whether the ranks split the network's layers between them rather than each holding a replica. */
    public boolean splitsLayers() {
        return this == PIPELINE;
    }

    /** The rank whose epoch results a run reports: the pipeline's last stage, which computes the loss; else rank 0. */
    public int reportingRank(int processes) {
        return splitsLayers() ? processes - 1 : 0;
    }

    /** The rank whose steps a run reports: the pipeline's last stage, async's first worker (after its server), else 0. */
    public int stepReportingRank(int processes) {
        return splitsLayers() ? processes - 1 : servingRanks();
    }

    /**
     * @throws ConfigException naming the processes or threads option when this strategy fixes it at 1 and it is not
     */
    public void checkCounts(int processes, int threads) {
        if (!usesProcesses() && processes != 1) {
            throw new ConfigException(TrainingOptions.PROCS.key(), processes, "expected 1 with strategy " + this);
        }
        if (processes <= servingRanks()) {
            throw new ConfigException(TrainingOptions.PROCS.key(), processes, "expected at least 2 with strategy "
                    + this + ": rank 0 serves the weights, the other ranks compute gradients");
        }
        if (!usesThreads() && threads != 1) {
            throw new ConfigException(TrainingOptions.THREADS.key(), threads, "expected 1 with strategy " + this);
        }
    }

    /** What the strategy does, in one line under its choice in the workbench. */
    public String explanation() {
        return switch (this) {
            case SERIAL -> "One worker, one native thread: the baseline that speedups are measured against.";
            case INTRA_OP -> "One worker whose threads share each large layer's batch.";
            case THREADS -> "Workers in this JVM sum their gradients in shared memory every step.";
            case MPJ -> "Ranks, each a JVM, sum their gradients by an allreduce every step.";
            case HYBRID -> "Worker threads sum in shared memory inside each rank, then the ranks allreduce.";
            case MPJ_MULTICORE -> "Ranks as threads of this JVM (MPJ's smpdev) allreduce their gradients every step.";
            case PARAM_AVG -> "Every worker steps on its own; the replicas are averaged every K steps.";
            case ASYNC -> "Rank 0 holds the weights; the other ranks push gradients and take the weights back, "
                    + "never waiting for each other.";
            case PIPELINE -> "Ranks each hold consecutive layers; microbatches flow through them forward, then back.";
        };
    }

    /** What P means for this strategy, in a few words. */
    public String processesHint() {
        return switch (this) {
            case MPJ, HYBRID -> "P: MPJ ranks, each a JVM of its own";
            case MPJ_MULTICORE -> "P: MPJ ranks as threads of this JVM (smpdev)";
            case PARAM_AVG -> "P: ranks; 1 keeps every worker in this JVM";
            case PIPELINE -> "P: stages, each an MPJ rank holding consecutive layers";
            case ASYNC -> "P: MPJ ranks, rank 0 the parameter server and P−1 workers";
            default -> "P: always 1 for " + this;
        };
    }

    /** What T means for this strategy, in a few words. */
    public String threadsHint() {
        return switch (this) {
            case SERIAL -> "T: always 1 for serial";
            case INTRA_OP -> "T: threads of the one worker, sharing its layers' work";
            case THREADS -> "T: workers in this JVM, one native thread each";
            case MPJ, MPJ_MULTICORE, PIPELINE, ASYNC -> "T: native threads per rank";
            case HYBRID -> "T: worker threads per rank";
            case PARAM_AVG -> "T: workers per rank, each stepping on its own";
        };
    }

    /** Lower case with dashes ({@code mpj-multicore}): the spelling of the command line and of JSON. */
    @Override
    public String toString() {
        return CommandLineIds.of(this);
    }
}
