package org.scalelab.engine.predict;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.model.GradientBuckets;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.StagePartition;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.training.Models;

/**
 * Predicts a configuration's step from a {@link MachineCalibration}:
 * {@code step = compute + communication + wait + rest}, where compute is one worker's share of the batch
 * (time-shared when a host has more busy threads than cores, as much slower than serial as one worker of the
 * strategy was measured to be, and as much slower again as a worker measured beside another where workers share a
 * host), communication the collectives the strategy runs each step, wait the expected lag of the slowest worker (from
 * the measured distribution of a step), and rest the trainer's other work per step. With the
 * allreduce overlapped ({@link Scenario#overlapsAllreduce()}), communication is only what is left of it once the
 * backward pass has ended ({@link OverlapSchedule}). A pipeline's step is its slowest stage's microbatches and
 * bubble, and the messages between stages ({@link #pipeline}).
 */
public final class ScalingModel {
    /** The largest worker count searched for the point where communication overtakes compute. */
    public static final int CROSSOVER_SEARCH_LIMIT = 4096;
    /** Children per node of MPJ Express's process tree ({@code mpi.ProcTree.PROCTREE_A}). */
    private static final int MPJ_TREE_FAN_OUT = 4;

    private final MachineCalibration calibration;
    /**
     * A message between hosts, on the hosts (MPJ's work beyond the wire), as measured across their links
     * ({@link StackBetweenHosts}); null where no link was measured: MPJ's line as calibrated over loopback.
     */
    private final LinkCost measuredStack;
    private final Map<String, List<Layer>> modelLayers = new ConcurrentHashMap<>();

    public ScalingModel(MachineCalibration calibration) {
        this(calibration, null);
    }

    /** @param measuredStack what a message between hosts costs on them, measured across their links ({@link StackBetweenHosts}) */
    public ScalingModel(MachineCalibration calibration, LinkCost measuredStack) {
        this.calibration = calibration;
        this.measuredStack = measuredStack;
    }

    public Prediction predict(Scenario scenario) {
        ComputeProfile profile = profile(scenario.model());
        Parts parts = parts(scenario, profile);
        Parts serial = parts(scenario.serialBaseline(), profile);
        double imagesPerSecond = scenario.globalBatch() / parts.step();
        Speedup speedup = Speedup.of(imagesPerSecond, scenario.globalBatch() / serial.step(), scenario.procs() * scenario.threads());
        return new Prediction(scenario.model(), scenario.strategy(), scenario.procs(), scenario.threads(), scenario.hosts(),
                scenario.globalBatch(), parts.step(), parts.compute, parts.communication, parts.waiting, parts.rest,
                imagesPerSecond, speedup.value(), speedup.efficiency(), scenario.oversubscribed(), parts.hidden);
    }

    /**
     * The fewest processes (with the scenario's threads and hosts' slots) at which communication takes longer than
     * compute, doubling from the scenario's; empty when it never does up to {@value #CROSSOVER_SEARCH_LIMIT} workers
     * or the strategy does not communicate.
     */
    public OptionalInt communicationOvertakesCompute(Scenario scenario) {
        ComputeProfile profile = profile(scenario.model());
        int mostProcs = scenario.strategy().splitsLayers() ? layerCount(scenario.model()) : Integer.MAX_VALUE;
        for (int procs = Math.max(1, scenario.procs()); scenario.strategy().workers(procs, scenario.threads())
                <= CROSSOVER_SEARCH_LIMIT && procs <= mostProcs; procs *= 2) {
            Scenario grown = scenario.withProcs(procs);
            Parts parts = parts(grown, profile);
            if (parts.communication > parts.compute) {
                return OptionalInt.of(grown.workers());
            }
            if (!scenario.strategy().usesProcesses()) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    private ComputeProfile profile(String model) {
        return calibration.model(model).orElseThrow(() -> new CalibrationException("model " + model
                + " is not calibrated: run scalelab predict calibrate --models " + model));
    }

    /** {@code communication} is what the step waits for; {@code hidden}, with overlap, what ran beside the backward pass. */
    private record Parts(double compute, double communication, double waiting, double rest, double hidden) {
        /**
         * A negative rest says the trained runs took less than the layers timed one by one at this batch: it corrects
         * compute, so that no part of the step is below zero (the What-if chart drew a bar left of it).
         */
        Parts {
            if (rest < 0) {
                compute += rest;
                rest = 0;
            }
        }

        double step() {
            return compute + communication + waiting + rest;
        }
    }

    private Parts parts(Scenario scenario, ComputeProfile profile) {
        Strategy strategy = scenario.strategy();
        StepDistribution steps = profile.steps(scenario.workersSideBySide());
        double computeFactor = scenario.timeShared() * profile.slowdownUnder(strategy) * steps.mean();
        double compute = profile.computeSeconds(scenario.workerBatch(), strategy.nativeThreadsPerWorker(scenario.threads()))
                * computeFactor;
        double rest = profile.restSeconds(scenario.workerBatch()) * computeFactor;
        if (strategy.splitsLayers()) {
            return pipeline(scenario, profile, computeFactor);
        }
        double perStep = scenario.collectivesPerStep();
        // the lag is in steps of a worker alone, as compute is before the factor of sharing the host
        double wait = compute / steps.mean() * steps.lagOfSlowest(scenario.workers(), 1 / perStep);
        if (scenario.overlapsAllreduce()) {
            OverlapSchedule overlap = overlap(scenario, profile, computeFactor);
            return new Parts(compute, overlap.waitedSeconds(), wait, rest, overlap.hiddenSeconds());
        }
        double communication = collectiveSeconds(scenario, profile.parameters()) * perStep;
        return new Parts(compute, communication, wait + barrierSeconds(scenario) * perStep, rest, 0);
    }

    /**
     * The scenario's buckets, each allreduced as the strategy sums a gradient of its size, as soon as the backward
     * passes of its layers have run: each layer's backward pass taken as {@link OverlapSchedule#BACKWARD_SHARE} of its
     * fitted time (the calibration times a layer's two passes together).
     */
    private OverlapSchedule overlap(Scenario scenario, ComputeProfile profile, double computeFactor) {
        List<Integer> layerParameters = layerParameters(scenario.model(), profile);
        double[] backward = new double[layerParameters.size()];
        int nativeThreads = scenario.strategy().nativeThreadsPerWorker(scenario.threads());
        for (int i = 0; i < backward.length; i++) {
            backward[i] = OverlapSchedule.BACKWARD_SHARE * profile.parts().get(i).seconds(scenario.workerBatch(), nativeThreads)
                    * computeFactor;
        }
        List<GradientBuckets.Bucket> buckets = GradientBuckets.of(layerParameters, scenario.overlapBucketKb());
        double[] communication = buckets.stream().mapToDouble(bucket -> collectiveSeconds(scenario, bucket.floats()))
                .toArray();
        return OverlapSchedule.of(buckets, backward, communication);
    }

    /**
     * A pipeline's step (GPipe's schedule, {@link org.scalelab.engine.config.PipelineSchedule}): the global batch in M
     * microbatches passes K stages, cut as training cuts them ({@link StagePartition}); the slowest stage sets the
     * pace, so the step takes M + K − 1 of its slots (a microbatch's forward and backward pass through its layers,
     * fitted at the microbatch's size): M of them compute, K − 1 waiting, the bubble. On its way through, the first
     * microbatch's activations cross the K − 1 links between stages forward and their gradients back (where a layer
     * before the link has parameters), each a message of niodev's point-to-point link (α + n·β, over the network
     * where two stages sit on different hosts); later microbatches' messages run while other stages compute. Input conversion, loss and update, and the trainer's
     * rest, are charged at the global batch as serial's: an upper bound, where the stages update their layers at once.
     */
    private Parts pipeline(Scenario scenario, ComputeProfile profile, double computeFactor) {
        List<Layer> layers = layers(scenario.model(), profile);
        int stages = scenario.procs();
        if (stages > layers.size()) {
            throw new ConfigException(TrainingOptions.PROCS.key(), stages, "expected at most " + layers.size()
                    + " stages: " + scenario.model() + " has " + layers.size() + " layers, and a stage holds one at least");
        }
        StagePartition partition = StagePartition.balanced(layers, stages);
        double microbatch = (double) scenario.batch() / scenario.microbatches();
        int nativeThreads = scenario.strategy().nativeThreadsPerWorker(scenario.threads());
        double slowest = 0;
        for (int k = 0; k < stages; k++) {
            double stage = 0;
            for (int i = partition.from(k); i < partition.to(k); i++) {
                stage += profile.parts().get(i).seconds(microbatch, nativeThreads) * computeFactor;
            }
            slowest = Math.max(slowest, stage);
        }
        double fixed = profile.parts().get(layers.size()).seconds(scenario.batch(), nativeThreads) * computeFactor;
        LinkCost local = onHost(scenario, Transport.NIODEV_RING);
        LinkCost between = scenario.network() == null ? local : stackBetweenHosts(scenario, local).followedBy(scenario.network());
        double messages = 0;
        for (int k = 0; k + 1 < stages; k++) {
            double floats = microbatch * layers.get(partition.to(k) - 1).outputShape().size();
            boolean crossesHosts = scenario.hosts() > 1 && (k + 1) % scenario.ranksPerHost() == 0;
            // gradients go back only where a layer before the link has parameters to train
            boolean gradientsBack = layers.subList(0, partition.to(k)).stream().anyMatch(l -> l.parameterCount() > 0);
            messages += (gradientsBack ? 2 : 1) * (crossesHosts ? between : local).send(floats);
        }
        return new Parts(scenario.microbatches() * slowest + fixed, messages, (stages - 1) * slowest,
                profile.restSeconds(scenario.batch()) * computeFactor, 0);
    }

    /** How many layers {@code model} has: a pipeline's most stages. */
    public int layerCount(String model) {
        return modelLayers(model).size();
    }

    private List<Layer> modelLayers(String model) {
        return modelLayers.computeIfAbsent(model, name -> Models.resolve(name).buildLayers(0));
    }

    /** The model's layers, in forward order, from its architecture; its calibration must have one fit per layer. */
    private List<Layer> layers(String model, ComputeProfile profile) {
        List<Layer> layers = modelLayers(model);
        if (layers.size() != profile.parts().size() - 1) {
            throw new CalibrationException("the calibration of model " + model + " does not time its " + layers.size()
                    + " layers one by one, as an overlapped allreduce or a pipeline needs: run scalelab predict calibrate "
                    + "--models " + model);
        }
        return layers;
    }

    /** Each layer's parameters, in forward order. */
    private List<Integer> layerParameters(String model, ComputeProfile profile) {
        return layers(model, profile).stream().map(Layer::parameterCount).toList();
    }

    /**
     * The barrier ranks that talk through MPJ run before each collective: inside MPJ's collectives waiting for the
     * slowest rank cannot be told from moving data, so {@code training.TimedCollectives} meets at a barrier first
     * and counts it as idle. Its own latency is part of every such step: on this machine's niodev about 1 ms, the
     * size of mlp-235k's whole compute at 2 workers (measured idle 1.14 ms a step where the wait alone was
     * predicted at 0.27). MPJ's barrier ({@code PureIntracomm.nBarrier}) climbs a tree of fan-out 4 to rank 0
     * and back down, one message per level each way; the shared-memory ring's is P−1 exchanges around the ring.
     */
    private double barrierSeconds(Scenario scenario) {
        int procs = scenario.procs();
        if (procs <= 1 || !scenario.strategy().needsMpj(procs)) {
            return 0;
        }
        Transport transport = barrierTransport(scenario);
        LinkCost local = onHost(scenario, transport);
        if (transport == Transport.NIODEV_RING_SHM) {
            return (procs - 1) * local.latencySeconds();
        }
        double latency = scenario.network() == null || scenario.hosts() <= 1 ? local.latencySeconds()
                : stackBetweenHosts(scenario, local).followedBy(scenario.network()).latencySeconds();
        return 2 * Collectives.treeLevels(procs, MPJ_TREE_FAN_OUT) * latency;
    }

    /** Whose latency a barrier pays: the transport the run's collectives use (MPJ's own tree where they go through rank 0). */
    private static Transport barrierTransport(Scenario scenario) {
        if (scenario.strategy() == Strategy.MPJ_MULTICORE) {
            return scenario.allreduce() == AllreduceAlgorithm.BUILTIN ? Transport.SMPDEV_BUILTIN : Transport.SMPDEV_RING;
        }
        return scenario.viaMaster() ? Transport.NIODEV_BUILTIN : niodev(scenario.allreduce(), scenario.hosts());
    }

    /** One collective of the strategy over the model's {@code floats}: the gradient sum, or one averaging. */
    private double collectiveSeconds(Scenario scenario, double floats) {
        int procs = scenario.procs();
        int threads = scenario.threads();
        LinkCost memory = onHost(scenario, Transport.THREADS);
        if (scenario.compressesGradients()) {
            return compressedSeconds(scenario, (int) floats, memory);
        }
        return switch (scenario.strategy()) {
            case SERIAL, INTRA_OP, PIPELINE -> 0;
            case THREADS -> Collectives.sharedMemorySum(threads, floats, memory);
            case MPJ -> rankAllreduce(scenario, floats, niodev(scenario.allreduce(), scenario.hosts()));
            case MPJ_MULTICORE -> rankAllreduce(scenario, floats,
                    scenario.allreduce() == AllreduceAlgorithm.BUILTIN ? Transport.SMPDEV_BUILTIN : Transport.SMPDEV_RING);
            case HYBRID -> Collectives.sharedMemorySum(threads, floats, memory)
                    + rankAllreduce(scenario, floats, niodev(scenario.allreduce(), scenario.hosts()))
                    + (procs > 1 ? Collectives.sharedMemoryCopy(threads, floats, memory) : 0);
            case PARAM_AVG -> averaging(scenario, floats, memory);
            case ASYNC -> throw notModelled(scenario.strategy());
        };
    }

    /**
     * The compressed exchange among the workers that compress: threads over memory, ranks over the ring's
     * transport (MPJ's Allgather is a ring of point-to-point messages). A hybrid rank's threads first gather their
     * blocks in memory, the ranks then gather T blocks each, and the P·T blocks are copied back to the threads,
     * every one of which adds all P·T decoded gradients.
     */
    private double compressedSeconds(Scenario scenario, int floats, LinkCost memory) {
        GradientCompression compression = scenario.compression();
        double bytes = compression.encodedBytes(floats);
        double added = compression.addedEntries(floats);
        return switch (scenario.strategy()) {
            case SERIAL, INTRA_OP, PARAM_AVG, PIPELINE -> 0;
            case THREADS -> Collectives.compressedSum(scenario.threads(), bytes, added,
                    Fabric.singleHost(memory, scenario.threads()));
            case MPJ -> Collectives.compressedSum(scenario.procs(), bytes, added,
                    fabric(scenario, onHost(scenario, niodev(AllreduceAlgorithm.RING, scenario.hosts()))));
            case HYBRID -> {
                int threads = scenario.threads();
                double workersBytes = bytes * scenario.workers();
                yield Collectives.compressedSum(threads, bytes, 0, Fabric.singleHost(memory, threads))
                        + Collectives.compressedSum(scenario.procs(), threads * bytes, threads * added,
                                fabric(scenario, onHost(scenario, niodev(AllreduceAlgorithm.RING, scenario.hosts()))))
                        + Collectives.sharedMemoryCopy(threads, workersBytes / Float.BYTES, memory);
            }
            case MPJ_MULTICORE -> Collectives.compressedSum(scenario.procs(), bytes, added,
                    fabric(scenario, onHost(scenario, Transport.SMPDEV_RING)));
            case ASYNC -> throw notModelled(scenario.strategy());
        };
    }

    /**
     * Asynchronous SGD's step is not a sum of terms: its speed depends on how the workers' pushes meet at the
     * server, which the model does not describe. Its callers already leave out what cannot be predicted.
     */
    private static CalibrationException notModelled(Strategy strategy) {
        return new CalibrationException("the scaling model does not predict strategy " + strategy
                + ": its speed depends on how the workers' pushes meet at the server; train it (Study I compares it "
                + "with mpj)");
    }

    private double averaging(Scenario scenario, double floats, LinkCost memory) {
        int threads = scenario.threads();
        if (!scenario.viaMaster()) {
            double ranks = scenario.procs() > 1
                    ? rankAllreduce(scenario, floats, niodev(scenario.allreduce(), scenario.hosts()))
                    + Collectives.sharedMemoryCopy(threads, floats, memory) : 0;
            return Collectives.sharedMemorySum(threads, floats, memory) + ranks;
        }
        double local = Collectives.viaMaster(threads, floats, Fabric.singleHost(memory, threads));
        return scenario.procs() > 1 ? local + Collectives.viaMaster(scenario.procs(), floats,
                fabric(scenario, onHost(scenario, niodev(AllreduceAlgorithm.BUILTIN, scenario.hosts())))) : local;
    }

    /**
     * One allreduce of {@code floats} floats among the scenario's ranks (its processes, as many to a host as it places),
     * by its algorithm over niodev: what {@code bench allreduce} measures.
     */
    public double rankAllreduceSeconds(Scenario scenario, double floats) {
        return rankAllreduce(scenario, floats, niodev(scenario.allreduce(), scenario.hosts()));
    }

    private double rankAllreduce(Scenario scenario, double floats, Transport transport) {
        return TransportFit.allreduceSeconds(transport, scenario.procs(), floats, fabric(scenario, onHost(scenario, transport)));
    }

    /**
     * A transport as calibrated, time-shared where the host's busy threads outnumber its cores. Measured on this
     * 2-core machine with 4 ranks: charged as calibrated (2 ranks on 2 cores), mlp-235k's mpj allreduce came out
     * at half of what was measured (+54 % images/s for mpj 4x1, +118 % for mpj-multicore).
     */
    private LinkCost onHost(Scenario scenario, Transport transport) {
        return calibration.transport(transport).timeShared(scenario.timeShared());
    }

    /**
     * Between hosts a message crosses MPJ's own stack and then the wire: their latencies and per-byte costs add. The
     * wire alone predicted half the allreduce time measured across an emulated 1 Gbit/s link (docs/SCALING-MODEL.md,
     * "An emulated cluster").
     */
    private Fabric fabric(Scenario scenario, LinkCost local) {
        if (scenario.network() == null) {
            return new Fabric(local, local, scenario.hosts(), scenario.ranksPerHost());
        }
        LinkCost stack = stackBetweenHosts(scenario, local);
        return new Fabric(local, stack.followedBy(scenario.network()), stack.followedBy(scenario.networkBothWays()),
                scenario.hosts(), scenario.ranksPerHost());
    }

    /**
     * MPJ's stack on a message between hosts: as measured across the links, time-shared where a host's cores are busier
     * than they were then; else the local transport's line as calibrated over loopback, without its excess (what
     * loopback measured with both ends of every message on this machine's cores).
     */
    private LinkCost stackBetweenHosts(Scenario scenario, LinkCost local) {
        return measuredStack != null ? measuredStack.timeShared(scenario.timeSharedBeyondOneRank()) : local.line();
    }

    /** The niodev transport of an algorithm; the shared-memory ring needs every rank on one host, else it is the ring. */
    static Transport niodev(AllreduceAlgorithm algorithm, int hosts) {
        return switch (algorithm) {
            case BUILTIN -> Transport.NIODEV_BUILTIN;
            case RING -> Transport.NIODEV_RING;
            case RING_SHM -> hosts > 1 ? Transport.NIODEV_RING : Transport.NIODEV_RING_SHM;
        };
    }
}
