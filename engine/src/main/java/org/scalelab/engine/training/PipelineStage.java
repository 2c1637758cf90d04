package org.scalelab.engine.training;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.config.PipelineSchedule;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.BatchLoss;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.SoftmaxCrossEntropy;
import org.scalelab.engine.model.StagePartition;
import org.scalelab.engine.model.layers.ActivationLayout;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.NdBuffers;
import org.scalelab.engine.parallel.comm.PointToPoint;
import org.scalelab.engine.training.optim.LearningRateSchedule;
import org.scalelab.engine.training.optim.Optimizer;
import org.scalelab.engine.training.optim.Optimizers;
import org.scalelab.engine.training.optim.StateArrays;

/**
 * One stage of a pipeline run: the rank that holds some consecutive layers of the network ({@link StagePartition})
 * and trains them on every global batch in microbatches, in GPipe's order ({@link PipelineSchedule}): it takes each
 * microbatch's activations from the stage before (the first stage loads the images), runs its layers and passes the
 * result on; then, from the last microbatch back, takes the gradient of its output from the stage after (the last
 * stage has it from the loss), back-propagates and passes the gradient of its input back. The microbatches'
 * gradients add up to the global batch's, each scaled by the global batch size as the serial run scales its one, and
 * each stage updates its own layers: after N steps the weights are the serial run's.
 *
 * <p>A layer keeps only the activations of its last forward pass, so the stage holds one instance of the network
 * per microbatch, all over the same parameters ({@link Network#sharingParameters()}). Every stage builds the whole
 * network from the seed, as every replica of the other strategies does, and uses its own layers.
 *
 * <p>Waiting for a neighbour's message is idle time: the pipeline's bubble. The test set is evaluated through the
 * pipeline too, and the last stage, which computes the loss, reports the run's results.
 */
public final class PipelineStage {
    /** The tag of the stages' states on their way to the first stage's checkpoint. */
    private static final int STATE_TAG = 3201;

    private final TrainingConfig config;
    private final Communicator communicator;
    private final CancellationToken cancellation;
    private final PipelineSchedule schedule;
    private final List<PipelineSchedule.Work> order;
    private final StagePartition partition;
    private final int stage;
    private final int from;
    private final int to;
    private final boolean first;
    private final boolean last;
    private final boolean receivesGradients;
    private final boolean sendsGradients;
    private final SampleShape inputShape;
    private final SampleShape outputShape;
    private final List<Network> microbatches = new ArrayList<>();
    private final List<SoftmaxCrossEntropy> losses = new ArrayList<>();
    private final List<BatchInput> trainInputs = new ArrayList<>();
    private final List<Map<Integer, INDArray>> receivedActivations = new ArrayList<>();
    private final List<Map<Integer, INDArray>> receivedGradients = new ArrayList<>();
    private final List<INDArray> microbatchGradients = new ArrayList<>();
    private final int[] labels;
    private final INDArray parameters;
    private final INDArray gradients;
    private final Optimizer optimizer;
    private final LearningRateSchedule rates;
    private final InputBatches inputs;
    private final BatchInput testInput;
    private final GlobalBatches batches;
    private final int stepsPerEpoch;
    private final PhaseTimer timer = new PhaseTimer();
    private final TimedCollectives messages;
    private final StepReports reports;

    /**
     * @param communicator among the stages; its rank is this stage
     * @param reporting    where its step events and its timeline go
     */
    public PipelineStage(TrainingConfig config, Architecture architecture, Dataset dataset, Communicator communicator,
                         WorkerReporting reporting, CancellationToken cancellation) {
        this.config = config;
        this.communicator = communicator;
        this.cancellation = cancellation;
        this.schedule = config.parallelism().pipeline().orElseThrow();
        this.order = schedule.order();
        this.stage = communicator.rank();
        Network network = new Network(architecture, DataType.FLOAT, config.model().seed());
        this.partition = StagePartition.balanced(network.layers(), communicator.size());
        this.from = partition.from(stage);
        this.to = partition.to(stage);
        this.first = stage == 0;
        this.last = stage == communicator.size() - 1;
        this.receivesGradients = !last && network.backwardReaches(partition.from(stage + 1));
        this.sendsGradients = !first && network.backwardReaches(from);
        this.inputShape = first ? network.inputShape() : network.layers().get(from - 1).outputShape();
        this.outputShape = network.layers().get(to - 1).outputShape();
        this.inputs = new InputBatches(config, dataset, 0);
        this.batches = new GlobalBatches(inputs.trainSize(), config.globalBatchSize(), schedule.microbatches());
        this.stepsPerEpoch = batches.steps(config.schedule().stepLimit());
        this.reports = new StepReports(reporting, timer, stepsPerEpoch, config.schedule().epochs());
        int largestMicrobatch = (config.globalBatchSize() + schedule.microbatches() - 1) / schedule.microbatches();
        this.labels = new int[Math.max(largestMicrobatch, config.schedule().batchSize())];
        for (int m = 0; m < schedule.microbatches(); m++) {
            Network instance = m == 0 ? network : network.sharingParameters();
            microbatches.add(instance);
            losses.add(new SoftmaxCrossEntropy(network.outputCount()));
            trainInputs.add(new BatchInput(network.inputShape(), largestMicrobatch));
            receivedActivations.add(new HashMap<>());
            receivedGradients.add(new HashMap<>());
            microbatchGradients.add(ownSlice(instance.gradients(), network));
        }
        this.parameters = ownSlice(network.parameters(), network);
        this.gradients = microbatchGradients.get(0);
        this.optimizer = parameters == null ? null : Optimizers.create(config, parameters);
        this.rates = LearningRateSchedule.of(config);
        this.testInput = new BatchInput(network.inputShape(), config.schedule().batchSize());
        this.messages = new TimedCollectives(communicator, timer);
    }

    /** This stage's part of a flat buffer of {@code network}'s: its layers' parameters or gradients; null for none. */
    private INDArray ownSlice(INDArray flat, Network network) {
        long start = network.parameterOffset(from);
        long end = network.parameterOffset(to);
        return end > start ? flat.get(NDArrayIndex.interval(start, end)) : null;
    }

    /**
     * Trains one epoch and evaluates the test set through the pipeline.
     *
     * @return this stage's view of the epoch: on the last stage the training and test results, NaN on the others;
     *         its phases; CPU usage left NaN for the caller, who knows the process
     */
    public EpochCompleted run(int epoch) {
        double learningRate = rates.rate(epoch);
        timer.reset();
        long epochStart = System.nanoTime();
        timer.enter(Phase.DATA);
        inputs.startEpoch(epoch);
        BatchLoss trained = BatchLoss.NONE;
        for (int step = 0; step < stepsPerEpoch; step++) {
            cancellation.throwIfCancelled();
            trained = trained.plus(trainStep(epoch, step, learningRate));
        }
        timer.enter(Phase.EVALUATION);
        BatchLoss tested = evaluate();
        timer.stop();
        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
        reports.epochEnded(epoch);
        return new EpochCompleted(epoch, learningRate, trained.meanLoss(), trained.accuracy(), tested.meanLoss(),
                tested.accuracy(), batches.images(stepsPerEpoch), epochSeconds - timer.seconds(Phase.EVALUATION),
                epochSeconds, Double.NaN, List.of(new WorkerPhases(stage, timer.secondsByPhase())));
    }

    private BatchLoss trainStep(int epoch, int step, double learningRate) {
        int globalCount = batches.size(step);
        BatchLoss batch = BatchLoss.NONE;
        for (PipelineSchedule.Work work : order) {
            int m = work.microbatch();
            int count = batches.partSize(step, m);
            if (count == 0) {
                continue; // a last batch of fewer images than microbatches
            }
            if (work.forward()) {
                batch = batch.plus(forward(m, batches.partStart(step, m), count, globalCount));
            } else {
                backward(m, count);
            }
        }
        timer.enter(Phase.UPDATE);
        if (optimizer != null) {
            sumMicrobatchGradients(step);
            optimizer.step(parameters, gradients, learningRate);
        }
        reports.stepped(epoch, step, batch, globalCount);
        return batch;
    }

    /** Microbatch {@code m}'s forward pass through this stage; on the last, its loss. */
    private BatchLoss forward(int m, int start, int count, int globalCount) {
        Network network = microbatches.get(m);
        INDArray input;
        if (first) {
            timer.enter(Phase.DATA);
            input = inputs.train(trainInputs.get(m), start, count);
            timer.enter(Phase.FORWARD);
        } else {
            INDArray received = messageArray(receivedActivations.get(m), count, inputShape);
            messages.message(() -> communicator.receive(NdBuffers.view(received), stage - 1), "receive activations",
                    bytes(received), Phase.FORWARD);
            input = received;
        }
        INDArray output = network.forward(from, to, input, true);
        if (!last) {
            messages.message(() -> communicator.send(NdBuffers.view(output), stage + 1), "send activations",
                    bytes(output), Phase.FORWARD);
            return BatchLoss.NONE;
        }
        inputs.trainLabels(start, count, labels);
        return losses.get(m).evaluateWithGradient(output, labels, 1.0 / globalCount);
    }

    /** Microbatch {@code m}'s backward pass through this stage, where back-propagation reaches it. */
    private void backward(int m, int count) {
        if (!last && !receivesGradients) {
            return;
        }
        INDArray gradOutput;
        if (last) {
            timer.enter(Phase.BACKWARD);
            gradOutput = losses.get(m).gradient();
        } else {
            INDArray received = messageArray(receivedGradients.get(m), count, outputShape);
            messages.message(() -> communicator.receive(NdBuffers.view(received), stage + 1), "receive gradients",
                    bytes(received), Phase.BACKWARD);
            gradOutput = received;
        }
        INDArray gradInput = microbatches.get(m).backward(from, to, gradOutput);
        if (sendsGradients) {
            messages.message(() -> communicator.send(NdBuffers.view(gradInput), stage - 1), "send gradients",
                    bytes(gradInput), Phase.BACKWARD);
        }
    }

    /**
     * The global batch's gradient of this stage's layers: the sum of its microbatches' (the first instance's buffer,
     * unless its microbatch was empty, holds it).
     */
    private void sumMicrobatchGradients(int step) {
        boolean started = false;
        for (int m = 0; m < microbatchGradients.size(); m++) {
            if (batches.partSize(step, m) == 0) {
                continue;
            }
            if (!started) {
                if (m > 0) {
                    gradients.assign(microbatchGradients.get(m));
                }
                started = true;
            } else {
                gradients.addi(microbatchGradients.get(m));
            }
        }
    }

    /** Loss and accuracy over the whole test set, in training-sized batches passed along the stages. */
    private BatchLoss evaluate() {
        int batchSize = config.schedule().batchSize();
        Network network = microbatches.get(0);
        BatchLoss total = BatchLoss.NONE;
        for (int start = 0; start < inputs.testSize(); start += batchSize) {
            cancellation.throwIfCancelled();
            int count = Math.min(batchSize, inputs.testSize() - start);
            INDArray input;
            if (first) {
                input = inputs.test(testInput, start, count);
            } else {
                input = messageArray(receivedActivations.get(0), count, inputShape);
                communicator.receive(NdBuffers.view(input), stage - 1);
            }
            INDArray output = network.forward(from, to, input, false);
            if (last) {
                inputs.testLabels(start, count, labels);
                total = total.plus(losses.get(0).evaluate(output, labels));
            } else {
                communicator.send(NdBuffers.view(output), stage + 1);
            }
        }
        return total;
    }

    /**
     * Every stage's trained parameters, gathered on the first stage, where they make the whole network's; the other
     * stages send theirs and get null. Every stage calls it, after the same epoch.
     */
    public INDArray gatherParameters() {
        if (!first) {
            if (parameters != null) {
                communicator.send(NdBuffers.view(parameters), 0);
            }
            return null;
        }
        Network network = microbatches.get(0);
        for (int k = 1; k < communicator.size(); k++) {
            long start = network.parameterOffset(partition.from(k));
            long end = network.parameterOffset(partition.to(k));
            if (end > start) {
                communicator.receive(NdBuffers.view(network.parameters().get(NDArrayIndex.interval(start, end))), k);
            }
        }
        return network.parameters();
    }

    /**
     * Writes every stage's state after {@code epoch} into one checkpoint: the other stages send theirs to the first,
     * which writes them in stage order ({@link Checkpoint}), and every stage returns once the file is written, so that
     * no stage reports an epoch its checkpoint lacks. Every stage calls it, after the same epoch.
     *
     * @throws CheckpointException on the first stage when the file cannot be written
     */
    public void checkpoint(java.nio.file.Path file, int epoch) {
        byte[] mine = ownState();
        PointToPoint messages = PointToPoint.of(communicator, "a pipeline's checkpoint");
        if (!first) {
            messages.send(ByteBuffer.allocate(Integer.BYTES).putInt(0, mine.length), 0, STATE_TAG);
            messages.send(ByteBuffer.wrap(mine), 0, STATE_TAG);
        } else {
            List<byte[]> stages = new ArrayList<>(List.of(mine));
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            for (int k = 1; k < communicator.size(); k++) {
                messages.receive(length, k, STATE_TAG);
                byte[] theirs = new byte[length.getInt(0)];
                messages.receive(ByteBuffer.wrap(theirs), k, STATE_TAG);
                stages.add(theirs);
            }
            Checkpoint.write(file, config, epoch, out -> {
                out.writeInt(stages.size());
                for (byte[] state : stages) {
                    out.writeInt(state.length);
                    out.write(state);
                }
            });
        }
        communicator.barrier();
    }

    /**
     * Takes this stage's state from a checkpoint {@link #checkpoint} wrote; the next epoch goes on from there.
     *
     * @throws CheckpointException naming the file when it cannot be read or holds another number of stages
     */
    public void restore(java.nio.file.Path file) {
        Checkpoint.restore(file, (in, completedEpochs) -> {
            int stages = in.readInt();
            if (stages != communicator.size()) {
                throw new java.io.IOException("holds " + stages + " pipeline stages where this run has " + communicator.size());
            }
            for (int k = 0; k < stage; k++) {
                in.readFully(new byte[in.readInt()]);
            }
            in.readInt();
            if (parameters != null) {
                StateArrays.read(in, parameters);
                optimizer.restoreState(in);
            }
            for (Layer layer : ownLayerInstances()) {
                layer.restoreState(in);
            }
            reports.resumeAfter(completedEpochs);
        });
    }

    /**
     * This stage's parameters and optimiser state, and its layers' running state in every microbatch's instance of
     * the network (each instance draws its own dropout masks).
     */
    private byte[] ownState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (parameters != null) {
                StateArrays.write(out, parameters);
                optimizer.saveState(out);
            }
            for (Layer layer : ownLayerInstances()) {
                layer.saveState(out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("an array in memory cannot fail to be written", e);
        }
        return bytes.toByteArray();
    }

    /** This stage's layers in every microbatch's instance of the network, instance by instance. */
    private List<Layer> ownLayerInstances() {
        return microbatches.stream().flatMap(instance -> instance.layers().subList(from, to).stream()).toList();
    }

    /** The array that receives a message of {@code count} samples of {@code shape}: one per size and microbatch. */
    private static INDArray messageArray(Map<Integer, INDArray> bySize, int count, SampleShape shape) {
        return bySize.computeIfAbsent(count,
                size -> Nd4j.createUninitialized(DataType.FLOAT, ActivationLayout.batchShape(shape, size)));
    }

    private static long bytes(INDArray array) {
        return array.length() * Float.BYTES;
    }
}
