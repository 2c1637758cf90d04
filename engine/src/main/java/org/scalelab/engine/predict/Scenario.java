package org.scalelab.engine.predict;

import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOptions;

/**
 * One configuration to predict: a strategy at P processes × T threads, its ranks spread over {@code hosts} hosts
 * of {@code coresPerHost} cores each, joined by {@code network}.
 *
 * @param coresPerHost    cores of each host; a fraction where emulated hosts share one machine's cores
 * @param batch           images per step, per worker under weak scaling
 * @param epochImages     images in one epoch (the training set, or fewer where the steps per epoch are limited)
 * @param averagingPeriod param-avg: local steps between averagings, 0 for once per epoch
 * @param network         between hosts, a message one way; ignored with one host
 * @param networkBothWays between hosts, each direction of a link while the other is busy too, as in a ring's steps;
 *                        the same as {@code network} for a preset (full duplex), less where measured so (a fixed
 *                        TCP window while acknowledgements queue behind the other direction's data)
 * @param compression     how gradient-summing workers compress what they exchange
 * @param overlapBucketKb {@code --overlap}'s buckets of about this many kB, allreduced beside the backward pass; 0 for
 *                        no overlap (the allreduce after it)
 * @param microbatches    {@link Strategy#PIPELINE}: the parts each global batch flows through the stages in
 */
public record Scenario(String model, Strategy strategy, int procs, int threads, AllreduceAlgorithm allreduce,
                       int hosts, double coresPerHost, LinkCost network, LinkCost networkBothWays, int batch, Scaling scaling,
                       int epochImages, int averagingPeriod, boolean viaMaster, GradientCompression compression,
                       int overlapBucketKb, int microbatches) {

    /** A network as fast both ways at once as one way (full duplex), and gradients that travel uncompressed. */
    public Scenario(String model, Strategy strategy, int procs, int threads, AllreduceAlgorithm allreduce, int hosts,
                    double coresPerHost, LinkCost network, int batch, Scaling scaling, int epochImages, int averagingPeriod,
                    boolean viaMaster) {
        this(model, strategy, procs, threads, allreduce, hosts, coresPerHost, network, network, batch, scaling, epochImages,
                averagingPeriod, viaMaster, GradientCompression.NONE, 0, TrainingOptions.MICROBATCHES.defaultValue());
    }

    /** The allreduce after the backward pass, not overlapped with it. */
    public Scenario(String model, Strategy strategy, int procs, int threads, AllreduceAlgorithm allreduce, int hosts,
                    double coresPerHost, LinkCost network, LinkCost networkBothWays, int batch, Scaling scaling,
                    int epochImages, int averagingPeriod, boolean viaMaster, GradientCompression compression) {
        this(model, strategy, procs, threads, allreduce, hosts, coresPerHost, network, networkBothWays, batch, scaling,
                epochImages, averagingPeriod, viaMaster, compression, 0, TrainingOptions.MICROBATCHES.defaultValue());
    }

    /** This scenario with the gradients' allreduce overlapped in buckets of about {@code bucketKb} kB (0: not). */
    public Scenario withOverlap(int bucketKb) {
        return new Scenario(model, strategy, procs, threads, allreduce, hosts, coresPerHost, network, networkBothWays,
                batch, scaling, epochImages, averagingPeriod, viaMaster, compression, bucketKb, microbatches);
    }

    /** This scenario with a pipeline's global batch cut into {@code count} microbatches. */
    public Scenario withMicrobatches(int count) {
        return new Scenario(model, strategy, procs, threads, allreduce, hosts, coresPerHost, network, networkBothWays,
                batch, scaling, epochImages, averagingPeriod, viaMaster, compression, overlapBucketKb, count);
    }

    /** Whether the gradients' allreduce runs in buckets beside the backward pass, as {@code train --overlap} does. */
    public boolean overlapsAllreduce() {
        return overlapBucketKb > 0 && strategy.allreducesGradients() && !compressesGradients();
    }

    public int workers() {
        return strategy.workers(procs, threads);
    }

    /** Images in one step of all workers. */
    public int globalBatch() {
        return scaling == Scaling.STRONG ? batch : batch * workers();
    }

    /** Each worker's share of a step: the global batch split evenly (the trainer's parts differ by one at most). */
    public double workerBatch() {
        return scaling == Scaling.STRONG ? (double) batch / workers() : batch;
    }

    /** Steps in one epoch: its images in global batches, the last one maybe smaller, as the trainer takes them. */
    public int stepsPerEpoch() {
        return (epochImages + globalBatch() - 1) / globalBatch();
    }

    /**
     * The strategy's collectives per step: one for those that sum gradients; for parameter averaging, which
     * averages after every k local steps and again at the end of each epoch ({@code training.ParameterAverage}),
     * ⌈S/k⌉ averagings in an epoch of S steps, or one with k = 0 (once per epoch).
     */
    public double collectivesPerStep() {
        if (!strategy.averagesParameters()) {
            return 1;
        }
        int steps = stepsPerEpoch();
        int averagings = averagingPeriod == 0 ? 1 : (steps + averagingPeriod - 1) / averagingPeriod;
        return (double) averagings / steps;
    }

    /** Whether the workers exchange compressed gradients: a lossy compression, and gradients to sum. */
    public boolean compressesGradients() {
        return compression.lossy() && !strategy.averagesParameters();
    }

    /** Ranks on each host, the processes spread as evenly as a host file with equal slots would. */
    public int ranksPerHost() {
        return (procs + hosts - 1) / hosts;
    }

    /**
     * More than one worker computes on a host at once, so that each runs as measured beside another
     * ({@link ComputeProfile#besideSteps}). Emulated hosts sharing one machine's cores count as apart.
     */
    boolean workersSideBySide() {
        return (long) strategy.workers(procs, threads) * ranksPerHost() / procs > 1;
    }

    /** More native threads busy on a host than it has cores. */
    public boolean oversubscribed() {
        return busyThreadsPerHost() > coresPerHost;
    }

    /** How many times over the host's cores are shared: 1 when they are enough. */
    double timeShared() {
        return sharedBy(busyThreadsPerHost());
    }

    /**
     * How many times over the host's cores are shared beyond what one single-threaded rank on each host shares them
     * (as {@link StackBetweenHosts} measured across the hosts): 1 when that is all this configuration runs there.
     */
    double timeSharedBeyondOneRank() {
        return timeShared() / sharedBy(1);
    }

    /** How many times over the host's cores {@code threads} busy threads share them: 1 when they are enough. */
    private double sharedBy(double threads) {
        return Math.max(1, threads / coresPerHost);
    }

    double busyThreadsPerHost() {
        return (double) strategy.busyThreads(procs, threads) * ranksPerHost() / procs;
    }

    /** The serial run that speedup is measured against: one worker, one thread, the same global batch. */
    Scenario serialBaseline() {
        return new Scenario(model, Strategy.SERIAL, 1, 1, allreduce, 1, coresPerHost, network, networkBothWays,
                globalBatch(), Scaling.STRONG, epochImages, 1, false, GradientCompression.NONE, 0, microbatches);
    }

    /** This scenario with {@code procs} processes, as many to a host as now: more hosts of the same kind as it grows. */
    Scenario withProcs(int procs) {
        int perHost = ranksPerHost();
        return new Scenario(model, strategy, procs, threads, allreduce, (procs + perHost - 1) / perHost, coresPerHost,
                network, networkBothWays, batch, scaling, epochImages, averagingPeriod, viaMaster, compression,
                overlapBucketKb, microbatches);
    }
}
