package org.scalelab.engine.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Everything that decides what a training run computes, and nothing about where its output goes, grouped by
 * concern. Run records store it whole, so two rows of a results table can be checked for having the same
 * configuration. Every field is set through a {@link TrainingOption}; {@link TrainingOptions} declares them all.
 * In JSON it is one flat object keyed by option name, the form plan files use too ({@link ConfigJson}).
 *
 * @param data        what is trained on
 * @param model       the network and the seed
 * @param schedule    epochs, batch, steps and learning rate
 * @param optimizer   the update rule
 * @param parallelism the strategy, P and T, and how workers combine
 * @param placement   which machines
 * @param recovery    checkpoints, restarts after a failed rank, and injected faults
 */
@JsonSerialize(using = ConfigJson.Writer.class)
@JsonDeserialize(using = ConfigJson.Reader.class)
public record TrainingConfig(
        DataSettings data,
        ModelSettings model,
        ScheduleSettings schedule,
        OptimizerSettings optimizer,
        Parallelism parallelism,
        Placement placement,
        Recovery recovery) {

    /** Every option at its default: Study B's MLP on the embedded digits, serial. */
    public static TrainingConfig defaults() {
        return OptionValues.defaults().build();
    }

    /** This configuration with one option changed. */
    public <T> TrainingConfig with(TrainingOption<T> option, T value) {
        return OptionValues.of(this).set(option, value).build();
    }

    /**
     * Checks every option against its type's rule, then the rules between options; {@code strategies.Trainers}
     * separately checks that the strategy can run on this machine.
     *
     * @return this, for chaining
     * @throws ConfigException naming the first option at fault, its value and what was expected
     */
    public TrainingConfig validate() {
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            var problem = option.problemIn(this);
            if (problem.isPresent()) {
                throw problem.get();
            }
        }
        Strategy strategy = parallelism.strategy();
        strategy.checkCounts(parallelism.processes(), parallelism.threads());
        if (parallelism.viaMaster() && !strategy.averagesParameters()) {
            throw new ConfigException(TrainingOptions.VIA_MASTER.key(), true,
                    "applies to strategy " + Strategy.PARAM_AVG + " only");
        }
        if (parallelism.maxStaleness() != TrainingOptions.MAX_STALENESS.defaultValue() && strategy != Strategy.ASYNC) {
            throw new ConfigException(TrainingOptions.MAX_STALENESS.key(), parallelism.maxStaleness(),
                    "applies to strategy " + Strategy.ASYNC + " only");
        }
        checkCompression();
        checkOverlap();
        checkPipeline();
        if (placement.hosts() != null && !launchesProcesses()) {
            throw new ConfigException(TrainingOptions.HOSTS.key(), placement.hosts(),
                    "applies only to strategies that start MPJ processes (" + Strategy.MPJ + ", " + Strategy.HYBRID
                            + ", " + Strategy.PIPELINE + ", " + Strategy.ASYNC + ", " + Strategy.PARAM_AVG + " with processes > 1)");
        }
        checkRecovery();
        return this;
    }

    /** Restarts and injected faults are about ranks that are processes: a thread cannot die alone. */
    private void checkRecovery() {
        String needsProcesses = "applies only to strategies that start MPJ processes (" + Strategy.MPJ + ", "
                + Strategy.HYBRID + ", " + Strategy.PIPELINE + ", " + Strategy.ASYNC + ", " + Strategy.PARAM_AVG + " with processes > 1)";
        if (recovery.restartOnFailure() > 0 && !launchesProcesses()) {
            throw new ConfigException(TrainingOptions.RESTART_ON_FAILURE.key(), recovery.restartOnFailure(), needsProcesses);
        }
        if (recovery.minProcs() > parallelism.processes()) {
            throw new ConfigException(TrainingOptions.MIN_PROCS.key(), recovery.minProcs(),
                    "expected at most --procs (" + parallelism.processes() + ")");
        }
        Strategy strategy = parallelism.strategy();
        if (recovery.minProcs() == 1 && (strategy == Strategy.PARAM_AVG || strategy == Strategy.ASYNC)) {
            throw new ConfigException(TrainingOptions.MIN_PROCS.key(), 1,
                    "expected at least 2: " + strategy + " runs MPJ ranks only with 2 processes or more");
        }
        FaultInjection fault = recovery.fault();
        if (fault != null && !launchesProcesses()) {
            throw new ConfigException(TrainingOptions.INJECT_FAULT.key(), fault, needsProcesses);
        }
        if (fault != null && fault.rank() >= parallelism.processes()) {
            throw new ConfigException(TrainingOptions.INJECT_FAULT.key(), fault,
                    "rank " + fault.rank() + " does not exist: the run has ranks 0 to " + (parallelism.processes() - 1));
        }
    }

    /** Compression acts on the exchange of gradients: parameter averaging exchanges weights. */
    private void checkCompression() {
        Strategy strategy = parallelism.strategy();
        if (parallelism.compression().lossy() && strategy.averagesParameters()) {
            throw new ConfigException(TrainingOptions.COMPRESS.key(), parallelism.compression(),
                    "compresses gradients; strategy " + strategy + " exchanges parameters");
        }
        if (parallelism.compression().lossy() && strategy == Strategy.ASYNC) {
            throw new ConfigException(TrainingOptions.COMPRESS.key(), parallelism.compression(),
                    "compresses gradients that workers sum; strategy " + strategy + " sends each one whole to its server");
        }
        if (parallelism.compression().lossy() && strategy.splitsLayers()) {
            throw new ConfigException(TrainingOptions.COMPRESS.key(), parallelism.compression(),
                    "compresses gradients; strategy " + strategy + " exchanges none (each stage updates its own layers)");
        }
    }

    /**
     * A pipeline's stages share one batch, cut into microbatches of an image at least; each stage holds its own
     * layers, so a relaunch after a failure cannot leave one out.
     */
    private void checkPipeline() {
        Strategy strategy = parallelism.strategy();
        if (!strategy.splitsLayers()) {
            return;
        }
        checkPipeline(strategy, parallelism.scaling(), parallelism.microbatches(), schedule.batchSize());
        if (recovery.minProcs() > 0 && recovery.minProcs() < parallelism.processes()) {
            throw new ConfigException(TrainingOptions.MIN_PROCS.key(), recovery.minProcs(), "expected 0 or "
                    + parallelism.processes() + " with strategy "
                    + strategy + ": a relaunch needs every stage, for each holds its own layers and their checkpoint");
        }
    }

    /**
     * A pipeline's stages share every batch (strong scaling only), cut into microbatches of an image at least.
     * {@code predict} checks the same.
     *
     * @throws ConfigException naming the scaling or microbatches option when {@code strategy} splits the layers and
     *                         they rule it out
     */
    public static void checkPipeline(Strategy strategy, Scaling scaling, int microbatches, int batchSize) {
        if (!strategy.splitsLayers()) {
            return;
        }
        if (scaling != Scaling.STRONG) {
            throw new ConfigException(TrainingOptions.SCALING.key(), scaling,
                    "expected strong with strategy " + strategy + ": its stages share every batch");
        }
        if (microbatches > batchSize) {
            throw new ConfigException(TrainingOptions.MICROBATCHES.key(), microbatches,
                    "expected at most --batch (" + batchSize + "): every microbatch needs an image");
        }
    }

    private void checkOverlap() {
        if (parallelism.overlap()) {
            checkOverlap(parallelism.strategy(), parallelism.compression());
        }
    }

    /**
     * Overlap hides the gradients' allreduce: there must be one, of floats that can be summed bucket by bucket.
     * {@code predict --overlap} checks the same.
     *
     * @throws ConfigException naming the overlap option when {@code strategy} or {@code compression} rules it out
     */
    public static void checkOverlap(Strategy strategy, GradientCompression compression) {
        if (!strategy.allreducesGradients()) {
            throw new ConfigException(TrainingOptions.OVERLAP.key(), true, "applies only to strategies that allreduce "
                    + "gradients (" + Strategy.THREADS + ", " + Strategy.MPJ + ", " + Strategy.MPJ_MULTICORE + ", "
                    + Strategy.HYBRID + "), not " + strategy);
        }
        if (compression.lossy()) {
            throw new ConfigException(TrainingOptions.OVERLAP.key(), true, "overlaps the float32 allreduce; compressed "
                    + "gradients (--compress " + compression + ") are gathered whole after the backward pass");
        }
    }

    /** Workers in all, each with its own replica of the network. */
    public int workers() {
        return parallelism.workers();
    }

    /** Images per optimiser step over all workers. */
    public int globalBatchSize() {
        return parallelism.scaling() == Scaling.STRONG ? schedule.batchSize() : schedule.batchSize() * workers();
    }

    /** Cores the run puts to work, P × T, whatever the strategy makes of T: one unit of ideal speedup each. */
    public int cores() {
        return parallelism.processes() * parallelism.threads();
    }

    /** Whether the ranks are child JVMs on MPJ's niodev device (rather than threads of this JVM). */
    public boolean launchesProcesses() {
        return parallelism.launchesProcesses();
    }
}
