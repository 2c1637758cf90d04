package org.scalelab.engine.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every training option, declared once: name, type, default, allowed values and help. The command line's
 * options, the workbench's fields and their checks, plan files and the JSON of run records are all derived from
 * this table, so adding an option is one line here plus the field of the settings record that holds it.
 */
public final class TrainingOptions {
    // What is trained on.
    public static final TrainingOption<String> DATASET = option("dataset", "Dataset", "NAME",
            "Dataset (see: scalelab datasets).", ValueType.name(), "mnist-mini", c -> c.data().dataset());
    public static final TrainingOption<Boolean> AUGMENT = option("augment", "Augment", "",
            "Random shifts (and flips of colour images) while training.", ValueType.flag(), false, c -> c.data().augment());

    // The network and its randomness.
    public static final TrainingOption<String> MODEL = option("model", "Architecture", "PRESET|FILE",
            "Preset name or architecture file.", ValueType.name(), "mlp-235k", c -> c.model().name());
    public static final TrainingOption<Long> SEED = option("seed", "Seed", "N",
            "Fixes initial weights, epoch order and augmentation: same seed, same run.", ValueType.anyLong(), 1L,
            c -> c.model().seed());

    // How long and in what steps.
    public static final TrainingOption<Integer> EPOCHS = option("epochs", "Epochs", "N",
            "Passes over the training set.", ValueType.integerAtLeast(1), 5, c -> c.schedule().epochs());
    public static final TrainingOption<Integer> BATCH = option("batch", "Batch size", "N",
            "Images per optimiser step (per worker with --scaling weak).", ValueType.integerAtLeast(1), 64,
            c -> c.schedule().batchSize());
    public static final TrainingOption<Integer> STEPS_PER_EPOCH = option("stepsPerEpoch", "Steps per epoch", "N",
            "Train at most N steps per epoch, 0 for all (short calibration runs and quick checks).",
            ValueType.integerAtLeast(0), 0, c -> c.schedule().stepLimit());
    public static final TrainingOption<Double> LR = option("lr", "Learning rate", "RATE",
            "Learning rate at the start.", ValueType.positive(), 0.01, c -> c.schedule().learningRate());
    public static final TrainingOption<ScheduleKind> SCHEDULE = option("schedule", "LR schedule", "NAME",
            "How the learning rate changes from epoch to epoch.", ValueType.oneOf(ScheduleKind.class),
            ScheduleKind.CONSTANT, c -> c.schedule().decay());
    public static final TrainingOption<Integer> STEP_SIZE = option("stepSize", "Step size", "EPOCHS",
            "For schedule step: epochs between drops.", ValueType.integerAtLeast(1), 1, c -> c.schedule().stepSize());
    public static final TrainingOption<Double> GAMMA = option("gamma", "Gamma", "FACTOR",
            "For schedule step: factor of each drop.", ValueType.positive(), 0.1, c -> c.schedule().gamma());

    // The update rule.
    public static final TrainingOption<OptimizerKind> OPTIMIZER = option("optimizer", "Optimiser", "NAME",
            "Update rule.", ValueType.oneOf(OptimizerKind.class), OptimizerKind.MOMENTUM, c -> c.optimizer().kind());
    public static final TrainingOption<Double> MOMENTUM = option("momentum", "Momentum", "μ",
            "For momentum: the fraction of the last update kept.", ValueType.fraction(), 0.9, c -> c.optimizer().momentum());
    public static final TrainingOption<Double> BETA1 = option("beta1", "Adam β1", "β1",
            "For adam: decay of the gradient's running mean.", ValueType.fraction(), 0.9, c -> c.optimizer().beta1());
    public static final TrainingOption<Double> BETA2 = option("beta2", "Adam β2", "β2",
            "For adam: decay of the squared gradient's running mean.", ValueType.fraction(), 0.999,
            c -> c.optimizer().beta2());
    public static final TrainingOption<Double> EPSILON = option("epsilon", "Adam ε", "ε",
            "For adam: the small number added to the denominator.", ValueType.positive(), 1e-8, c -> c.optimizer().epsilon());
    public static final TrainingOption<Double> WEIGHT_DECAY = option("weightDecay", "Weight decay", "λ",
            "L2 penalty added to the gradient as λ·p.", ValueType.nonNegative(), 0.0, c -> c.optimizer().weightDecay());

    // Where the workers live and how they combine their work.
    public static final TrainingOption<Strategy> STRATEGY = option("strategy", "Strategy", "NAME",
            "How the work is spread over workers.", ValueType.oneOf(Strategy.class), Strategy.SERIAL,
            c -> c.parallelism().strategy());
    public static final TrainingOption<Integer> PROCS = new TrainingOption<>("procs", List.of("--processes", "--stages"),
            "Processes", "P", "MPJ ranks (mpj, hybrid, mpj-multicore, param-avg, async); pipeline: its stages.", ValueType.integerAtLeast(1), 1,
            c -> c.parallelism().processes());
    public static final TrainingOption<Integer> THREADS = option("threads", "Threads", "T",
            "Worker threads per process (threads, hybrid, param-avg) or native threads per worker (intra-op, mpj, "
                    + "mpj-multicore, async).", ValueType.integerAtLeast(1), 1, c -> c.parallelism().threads());
    public static final TrainingOption<Scaling> SCALING = option("scaling", "Scaling", "NAME",
            "strong: the workers split --batch; weak: every worker takes --batch.", ValueType.oneOf(Scaling.class),
            Scaling.STRONG, c -> c.parallelism().scaling());
    public static final TrainingOption<Integer> AVERAGE_EVERY = option("averageEvery", "Average every K", "K",
            "param-avg: local steps between averagings, 0 for once per epoch.", ValueType.integerAtLeast(0), 1,
            c -> c.parallelism().averagingPeriod());
    public static final TrainingOption<Boolean> VIA_MASTER = option("viaMaster", "Via master", "",
            "param-avg: gather to rank 0, average there and broadcast back.", ValueType.flag(), false,
            c -> c.parallelism().viaMaster());
    public static final TrainingOption<AllreduceAlgorithm> ALLREDUCE = option("allreduce", "Allreduce", "NAME",
            "How MPJ ranks sum.", ValueType.oneOf(AllreduceAlgorithm.class), AllreduceAlgorithm.RING,
            c -> c.parallelism().allreduce());
    public static final TrainingOption<GradientCompression> COMPRESS = option("compress", "Compression", "SCHEME",
            "How workers compress gradients before exchanging them: none, fp16 (half), int8 (a scale per chunk of "
                    + GradientCompression.INT8_CHUNK + ") or topk:FRACTION (only the largest entries, gathered).",
            ValueType.compression(), GradientCompression.NONE, c -> c.parallelism().compression());
    public static final TrainingOption<Boolean> ERROR_FEEDBACK = option("errorFeedback", "Error feedback", "",
            "With lossy --compress: keep what was not sent and add it to the next step's gradient "
                    + "(--no-error-feedback drops it, to show why it matters).", ValueType.flag(), true,
            c -> c.parallelism().errorFeedback());
    public static final TrainingOption<Boolean> OVERLAP = option("overlap", "Overlap", "",
            "Allreduce each bucket of gradients on a communication thread as soon as the backward pass has produced "
                    + "it, while the earlier layers' backward passes run (as PyTorch DDP does); the update waits for the "
                    + "last bucket.", ValueType.flag(), false, c -> c.parallelism().overlap());
    public static final TrainingOption<Integer> BUCKET_KB = option("bucketKb", "Bucket size", "KB",
            "With --overlap: gradients travel in buckets of about KB kB, filled from the last layer back (whole "
                    + "layers; smaller buckets start sooner but pay each message's latency).",
            ValueType.integerAtLeast(1), 256, c -> c.parallelism().bucketKb());
    public static final TrainingOption<Integer> MICROBATCHES = option("microbatches", "Microbatches", "M",
            "pipeline: each global batch flows through the stages in M parts, all forward then all backward; more "
                    + "parts leave the stages idle less (the bubble is (P-1)/(M+P-1) of a step) but each is smaller "
                    + "(and a batchnorm layer normalises each part by its own statistics).",
            ValueType.integerAtLeast(1), 4, c -> c.parallelism().microbatches());

    public static final TrainingOption<Integer> MAX_STALENESS = option("maxStaleness", "Max staleness", "S",
            "async: refuse a gradient computed on weights more than S updates old (the worker computes it again on "
                    + "the weights it is sent back); 0 for no bound.", ValueType.integerAtLeast(0), 0,
            c -> c.parallelism().maxStaleness());

    // Which machines.
    public static final TrainingOption<String> HOSTS = option("hosts", "Host file", "FILE",
            "Spread MPJ ranks over the machines of FILE (one host per line, optional slots=N; ranks start there "
                    + "through ssh).", ValueType.optionalPath(), null, c -> c.placement().hosts());
    public static final TrainingOption<Integer> RANK_TIMEOUT = option("rankTimeout", "Rank timeout", "SECONDS",
            "End the run as failed when an MPJ rank is silent or no rank makes progress for this long; 0 for "
                    + "automatic: the larger of 30 s and 10 times the slowest step so far.", ValueType.integerAtLeast(0),
            0, c -> c.placement().rankTimeout());
    public static final TrainingOption<Boolean> ALLOW_OVERSUBSCRIBE = option("allowOversubscribe", "Allow oversubscribing",
            "", "Start even when the workers exceed what the machine can hold (more than 8 per core, or more "
                    + "memory than is free).", ValueType.flag(), false, c -> c.placement().allowOversubscribe());

    // Checkpoints and faults: what a run keeps to resume from, and what it does when a rank fails.
    public static final TrainingOption<Integer> CHECKPOINT_EVERY = option("checkpointEvery", "Checkpoint every", "N",
            "Save weights, optimiser state and counters beside the run record every N epochs, so that "
                    + "'train --resume' or a restart can continue from there; 0 for never.", ValueType.integerAtLeast(0),
            0, c -> c.recovery().checkpointEvery());
    public static final TrainingOption<Integer> RESTART_ON_FAILURE = option("restartOnFailure", "Restarts on failure",
            "K", "When an MPJ rank dies or hangs, relaunch the ranks from the last checkpoint (or the start) up to K "
                    + "times before the run fails, as torchrun does.", ValueType.integerAtLeast(0), 0,
            c -> c.recovery().restartOnFailure());
    public static final TrainingOption<Integer> MIN_PROCS = option("minProcs", "Min processes", "M",
            "With restarts: relaunch without the failed rank, as if its machine were lost, down to M ranks; 0 "
                    + "relaunches all of them.", ValueType.integerAtLeast(0), 0, c -> c.recovery().minProcs());
    public static final TrainingOption<FaultInjection> INJECT_FAULT = option("injectFault", "Inject fault",
            "FAULT", "For experiments, FAULT being " + FaultInjection.FORMAT + ": after global step S, MPJ rank R "
                    + "dies, hangs, or runs FACTOR times slower; once (relaunched ranks run without it).",
            ValueType.optionalStructured(FaultInjection.class, FaultInjection::parse, FaultInjection.FORMAT), null,
            c -> c.recovery().fault());

    /** Every option, in the order help texts list them. */
    public static final List<TrainingOption<?>> ALL = List.of(DATASET, AUGMENT, MODEL, SEED, EPOCHS, BATCH,
            STEPS_PER_EPOCH, LR, SCHEDULE, STEP_SIZE, GAMMA, OPTIMIZER, MOMENTUM, BETA1, BETA2, EPSILON, WEIGHT_DECAY,
            STRATEGY, PROCS, THREADS, SCALING, AVERAGE_EVERY, VIA_MASTER, ALLREDUCE, COMPRESS, ERROR_FEEDBACK, OVERLAP,
            BUCKET_KB, MICROBATCHES, MAX_STALENESS, HOSTS,
            RANK_TIMEOUT, ALLOW_OVERSUBSCRIBE, CHECKPOINT_EVERY, RESTART_ON_FAILURE, MIN_PROCS, INJECT_FAULT);

    private TrainingOptions() {
    }

    /** The option a plan file or record names {@code key}, if there is one. */
    public static Optional<TrainingOption<?>> byKey(String key) {
        return ALL.stream().filter(option -> option.key().equals(key)).findFirst();
    }

    private static <T> TrainingOption<T> option(String key, String label, String paramLabel, String help,
                                                ValueType<T> type, T defaultValue, Function<TrainingConfig, T> read) {
        return new TrainingOption<>(key, List.of(), label, paramLabel, help, type, defaultValue, read);
    }
}
