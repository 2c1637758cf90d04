package org.scalelab.engine.config;

import java.util.Optional;

/**
 * Where a run's workers live and how they combine their work.
 *
 * @param strategy        see {@link Strategy} for what P and T mean under each
 * @param processes       P: processes (MPJ ranks) of a parallel strategy
 * @param threads         T: threads per process, workers or native threads depending on the strategy
 * @param scaling         whether workers split the batch (strong) or each take a whole one (weak)
 * @param averagingPeriod {@link Strategy#PARAM_AVG}: local steps between averagings, 0 for once per epoch
 * @param viaMaster       {@link Strategy#PARAM_AVG}: gather to rank 0, average there and broadcast back, instead
 *                        of an allreduce (Study C's central bottleneck)
 * @param allreduce       how MPJ ranks sum: MPJ's built-in reduce+broadcast, or the ring
 * @param compression     how gradient-summing workers compress what they exchange
 * @param errorFeedback   with lossy compression: whether each worker keeps what it did not send and adds it to its
 *                        next gradient
 * @param overlap         for strategies that {@link Strategy#allreducesGradients()}: allreduce each bucket of
 *                        gradients on a communication thread while the backward pass goes on
 * @param bucketKb        with {@code overlap}: about how many kB of gradients a bucket holds
 * @param microbatches    {@link Strategy#PIPELINE}: the parts each global batch flows through the stages in
 * @param maxStaleness    {@link Strategy#ASYNC}: the most updates a gradient's weights may be behind the server's
 *                        for it to be applied; 0 for no bound
 */
public record Parallelism(Strategy strategy, int processes, int threads, Scaling scaling, int averagingPeriod,
                          boolean viaMaster, AllreduceAlgorithm allreduce,
                          GradientCompression compression, boolean errorFeedback,
                          boolean overlap, int bucketKb, int microbatches, int maxStaleness) {

    /** Workers in all, each with its own replica of the network. */
    public int workers() {
        return strategy.workers(processes, threads);
    }

    /** Native threads the run keeps busy: see {@link Strategy#busyThreads}. */
    public long busyThreads() {
        return strategy.busyThreads(processes, threads);
    }

    /** "2P×2T": processes and threads, as tables and legends write them; a pipeline adds its microbatches ("×4M"). */
    public String shape() {
        return processes + "P×" + threads + "T" + (strategy.splitsLayers() ? "×" + microbatches + "M" : "");
    }

    /** The rank whose step and epoch results the run reports ({@link Strategy#reportingRank}). */
    public int reportingRank() {
        return strategy.reportingRank(processes);
    }

    /** A pipeline's schedule of stages and microbatches; empty for the strategies that do not split the layers. */
    public Optional<PipelineSchedule> pipeline() {
        return strategy.splitsLayers() ? Optional.of(new PipelineSchedule(processes, microbatches)) : Optional.empty();
    }

    /** "serial", or the strategy with its shape: "hybrid 2P×2T (weak)". */
    public String label() {
        if (strategy == Strategy.SERIAL) {
            return "serial";
        }
        return strategy + " " + shape() + (scaling == Scaling.WEAK ? " (weak)" : "");
    }

    /** Whether the ranks are child JVMs on MPJ's niodev device (rather than threads of this JVM). */
    public boolean launchesProcesses() {
        return strategy.launchesProcesses(processes);
    }
}
