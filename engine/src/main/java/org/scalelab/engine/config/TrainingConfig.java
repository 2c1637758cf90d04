package org.scalelab.engine.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Arrays;

/**
 * Everything that decides what a training run computes, and nothing about where its output goes. Run records
 * store it whole, so two rows of a results table can be checked for having the same configuration.
 * Plan files may leave fields out: the {@link Builder}'s defaults fill them.
 *
 * @param dataset      catalog name of the dataset, e.g. {@code mnist-mini}
 * @param model        a preset name ({@code mlp-235k}) or the path of an architecture file
 * @param batchSize    images per optimiser step (per worker or in total: see {@code scaling})
 * @param momentum     used by {@link OptimizerKind#MOMENTUM}
 * @param adamBeta1    used by {@link OptimizerKind#ADAM}
 * @param weightDecay  L2 penalty added to the gradient as {@code weightDecay·p} (as PyTorch's {@code weight_decay})
 * @param stepSize     epochs between learning-rate drops, for {@link ScheduleKind#STEP}
 * @param gamma        factor of each drop, for {@link ScheduleKind#STEP}
 * @param seed         fixes initial weights, epoch order and augmentation: same seed, same run
 * @param augment      random shifts (and flips for colour images) of training images
 * @param processes    processes (MPJ ranks) of a parallel strategy; see {@link Strategy} for what P and T mean
 * @param threads      threads per process: workers or native threads, depending on the strategy
 * @param averagingPeriod {@link Strategy#PARAM_AVG}: local steps between averagings, 0 for once per epoch
 * @param viaMaster    {@link Strategy#PARAM_AVG}: gather to rank 0, average there and broadcast back, instead of
 *                     an allreduce (Study C's central bottleneck)
 * @param allreduce    how MPJ ranks sum: MPJ's built-in reduce+broadcast or the ring
 * @param stepLimit    at most this many steps per epoch, 0 for all: short calibration runs and quick checks
 * @param hosts        a host file (one host per line, optional {@code slots=N}) to spread MPJ ranks over
 *                     machines; null keeps every rank on this machine, listening on loopback only
 */
@JsonDeserialize(builder = TrainingConfig.Builder.class)
public record TrainingConfig(
        String dataset,
        String model,
        int epochs,
        int batchSize,
        double learningRate,
        OptimizerKind optimizer,
        double momentum,
        double adamBeta1,
        double adamBeta2,
        double adamEpsilon,
        double weightDecay,
        ScheduleKind schedule,
        int stepSize,
        double gamma,
        long seed,
        boolean augment,
        Strategy strategy,
        int processes,
        int threads,
        Scaling scaling,
        int averagingPeriod,
        boolean viaMaster,
        AllreduceAlgorithm allreduce,
        int stepLimit,
        String hosts) {

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: Study B's MLP on the embedded digits, plain SGD, serial. */
    public static TrainingConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Checks every value; {@code strategies.Trainers} separately checks that the strategy can run.
     *
     * @return this, for chaining
     * @throws ConfigException naming the first field at fault, its value and what was expected
     */
    public TrainingConfig validate() {
        requireText("dataset", dataset);
        requireText("model", model);
        requireAtLeast("epochs", epochs, 1);
        requireAtLeast("batchSize", batchSize, 1);
        requirePositive("learningRate", learningRate);
        requireChoice("optimizer", optimizer, OptimizerKind.class);
        requireFraction("momentum", momentum);
        requireFraction("adamBeta1", adamBeta1);
        requireFraction("adamBeta2", adamBeta2);
        requirePositive("adamEpsilon", adamEpsilon);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new ConfigException("weightDecay", weightDecay, "expected a number ≥ 0");
        }
        requireChoice("schedule", schedule, ScheduleKind.class);
        requireAtLeast("stepSize", stepSize, 1);
        requirePositive("gamma", gamma);
        requireChoice("strategy", strategy, Strategy.class);
        requireAtLeast("processes", processes, 1);
        requireAtLeast("threads", threads, 1);
        requireChoice("scaling", scaling, Scaling.class);
        requireAtLeast("averagingPeriod", averagingPeriod, 0);
        requireAtLeast("stepLimit", stepLimit, 0);
        requireChoice("allreduce", allreduce, AllreduceAlgorithm.class);
        switch (strategy) {
            case SERIAL -> {
                requireOne("processes", processes, strategy);
                requireOne("threads", threads, strategy);
            }
            case INTRA_OP, THREADS -> requireOne("processes", processes, strategy);
            default -> { }
        }
        if (viaMaster && strategy != Strategy.PARAM_AVG) {
            throw new ConfigException("viaMaster", true, "applies to strategy " + Strategy.PARAM_AVG + " only");
        }
        if (hosts != null && !launchesProcesses()) {
            throw new ConfigException("hosts", hosts, "applies only to strategies that start MPJ processes ("
                    + Strategy.MPJ + ", " + Strategy.HYBRID + ", " + Strategy.PARAM_AVG + " with processes > 1)");
        }
        return this;
    }

    /** Workers in all, each with its own replica of the network. */
    public int workers() {
        return strategy.workers(processes, threads);
    }

    /** Images per optimiser step over all workers. */
    public int globalBatchSize() {
        return scaling == Scaling.STRONG ? batchSize : batchSize * workers();
    }

    /**
     * Cores the run puts to work, P × T, whatever the strategy makes of T: one unit of ideal speedup each.
     */
    public int cores() {
        return processes * threads;
    }

    /** Whether the ranks are child JVMs on MPJ's niodev device (rather than threads of this JVM). */
    public boolean launchesProcesses() {
        return strategy.launchesProcesses(processes);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(field, value == null ? "(missing)" : "'" + value + "'", "expected a name");
        }
    }

    private static void requireAtLeast(String field, long value, long minimum) {
        if (value < minimum) {
            throw new ConfigException(field, value, "expected an integer ≥ " + minimum);
        }
    }

    private static void requireOne(String field, int value, Strategy strategy) {
        if (value != 1) {
            throw new ConfigException(field, value, "expected 1 with strategy " + strategy);
        }
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(field, value, "expected a number > 0");
        }
    }

    private static void requireFraction(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new ConfigException(field, value, "expected a number in [0, 1)");
        }
    }

    private static <E extends Enum<E>> void requireChoice(String field, E value, Class<E> type) {
        if (value == null) {
            throw new ConfigException(field, "(missing)", "expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Starts from the defaults; each method sets one field. Jackson uses it too, so files may omit fields. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String dataset = "mnist-mini";
        private String model = "mlp-235k";
        private int epochs = 5;
        private int batchSize = 64;
        private double learningRate = 0.01;
        private OptimizerKind optimizer = OptimizerKind.SGD;
        private double momentum = 0.9;
        private double adamBeta1 = 0.9;
        private double adamBeta2 = 0.999;
        private double adamEpsilon = 1e-8;
        private double weightDecay = 0;
        private ScheduleKind schedule = ScheduleKind.CONSTANT;
        private int stepSize = 1;
        private double gamma = 0.1;
        private long seed = 1;
        private boolean augment = false;
        private Strategy strategy = Strategy.SERIAL;
        private int processes = 1;
        private int threads = 1;
        private Scaling scaling = Scaling.STRONG;
        private int averagingPeriod = 1;
        private boolean viaMaster = false;
        private AllreduceAlgorithm allreduce = AllreduceAlgorithm.RING;
        private int stepLimit = 0;
        private String hosts = null;

        private Builder() {
        }

        private Builder(TrainingConfig c) {
            dataset = c.dataset;
            model = c.model;
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            optimizer = c.optimizer;
            momentum = c.momentum;
            adamBeta1 = c.adamBeta1;
            adamBeta2 = c.adamBeta2;
            adamEpsilon = c.adamEpsilon;
            weightDecay = c.weightDecay;
            schedule = c.schedule;
            stepSize = c.stepSize;
            gamma = c.gamma;
            seed = c.seed;
            augment = c.augment;
            strategy = c.strategy;
            processes = c.processes;
            threads = c.threads;
            scaling = c.scaling;
            averagingPeriod = c.averagingPeriod;
            viaMaster = c.viaMaster;
            allreduce = c.allreduce;
            stepLimit = c.stepLimit;
            hosts = c.hosts;
        }

        public Builder dataset(String value) {
            dataset = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder optimizer(OptimizerKind value) {
            optimizer = value;
            return this;
        }

        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        public Builder adamBeta1(double value) {
            adamBeta1 = value;
            return this;
        }

        public Builder adamBeta2(double value) {
            adamBeta2 = value;
            return this;
        }

        public Builder adamEpsilon(double value) {
            adamEpsilon = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder schedule(ScheduleKind value) {
            schedule = value;
            return this;
        }

        public Builder stepSize(int value) {
            stepSize = value;
            return this;
        }

        public Builder gamma(double value) {
            gamma = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder augment(boolean value) {
            augment = value;
            return this;
        }

        public Builder strategy(Strategy value) {
            strategy = value;
            return this;
        }

        public Builder processes(int value) {
            processes = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder scaling(Scaling value) {
            scaling = value;
            return this;
        }

        public Builder averagingPeriod(int value) {
            averagingPeriod = value;
            return this;
        }

        public Builder viaMaster(boolean value) {
            viaMaster = value;
            return this;
        }

        public Builder allreduce(AllreduceAlgorithm value) {
            allreduce = value;
            return this;
        }

        public Builder stepLimit(int value) {
            stepLimit = value;
            return this;
        }

        public Builder hosts(String value) {
            hosts = value;
            return this;
        }

        /** The configuration as set, not yet validated (a run record may hold one a later version accepts). */
        public TrainingConfig build() {
            return new TrainingConfig(dataset, model, epochs, batchSize, learningRate, optimizer, momentum,
                    adamBeta1, adamBeta2, adamEpsilon, weightDecay, schedule, stepSize, gamma, seed, augment,
                    strategy, processes, threads, scaling, averagingPeriod, viaMaster, allreduce, stepLimit, hosts);
        }
    }
}
