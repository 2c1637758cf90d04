package org.scalelab.engine.training;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.data.DatasetInfo;
import org.scalelab.engine.data.ImageShape;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.provenance.Provenance;

/**
 * A run ready to start: a valid configuration with its architecture and dataset resolved and checked to fit
 * each other. Everything that can be wrong before training begins is caught here, with a message for the user.
 */
public record RunPlan(String runId, TrainingConfig config, Architecture architecture, Dataset dataset,
                      EnvironmentInfo environment, Path weightsFile, Path checkpointFile, Resumption resumption) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * @param weightsFile    where the trained parameters are saved at the end ({@link org.scalelab.engine.model.WeightsFile}), or null
     * @param checkpointFile where checkpoints are written every {@code --checkpoint-every} epochs and read back
     *                       on resuming ({@link Checkpoint}), or null for none
     * @param resumption     what the run has done before this start: nothing, or the epochs up to a checkpoint
     */
    public RunPlan {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(resumption, "resumption");
        config.validate();
        checkFit(architecture, dataset.info());
        checkBatch(config, dataset);
        checkStages(config, architecture);
    }

    /** A plan that does not save the trained parameters. */
    public RunPlan(String runId, TrainingConfig config, Architecture architecture, Dataset dataset,
                   EnvironmentInfo environment) {
        this(runId, config, architecture, dataset, environment, null, null, Resumption.NONE);
    }

    /** The ScaleLab version and commit, and the checksum of the dataset the plan trains on. */
    public Provenance provenance() {
        return Provenance.of(dataset.checksum());
    }

    /** The same plan, saving the trained parameters to {@code file} when the run finishes. */
    public RunPlan savingWeightsTo(Path file) {
        return new RunPlan(runId, config, architecture, dataset, environment, file, checkpointFile, resumption);
    }

    /** The same plan, writing its checkpoints to (and resuming from) {@code file}. */
    public RunPlan checkpointingTo(Path file) {
        return new RunPlan(runId, config, architecture, dataset, environment, weightsFile, file, resumption);
    }

    /**
     * The plan of a run that goes on from its checkpoint: the same id, its epochs so far, and {@code config}'s
     * epochs as the end (the checkpoint's configuration with more or fewer epochs, or fewer ranks after a failure).
     */
    public RunPlan resuming(String earlierRunId, TrainingConfig config, Resumption from) {
        return new RunPlan(earlierRunId, config, architecture, dataset, environment, weightsFile, checkpointFile, from);
    }

    /** The first epoch this start trains: 1, or the one after the checkpoint it resumes from. */
    public int firstEpoch() {
        return resumption.afterEpoch() + 1;
    }

    /**
     * Validates the configuration, resolves the model and loads the dataset.
     *
     * @throws ConfigException                                  for invalid values or a model that does not fit
     * @throws org.scalelab.engine.data.DatasetException        when the dataset cannot be loaded
     * @throws org.scalelab.engine.model.ArchitectureException  when the architecture file is faulty
     */
    public static RunPlan prepare(TrainingConfig config, DatasetCatalog catalog) {
        config.validate();
        Architecture architecture = Models.resolve(config.model().name());
        Dataset dataset = catalog.load(config.data().dataset());
        return new RunPlan(newRunId(architecture.name(), config.data().dataset()), config, architecture, dataset,
                EnvironmentInfo.current());
    }

    /**
     * Sortable by start time, readable, and safe as a file name:
     * {@code 20250601-153012-mlp-235k-mnist-mini-3fa2} (the suffix keeps runs started in one second apart).
     */
    static String newRunId(String model, String dataset) {
        String id = LocalDateTime.now().format(ID_TIME) + "-" + model + "-" + dataset + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A step takes its images from the training set: a batch larger than the set could never be filled. */
    private static void checkBatch(TrainingConfig config, Dataset dataset) {
        int images = dataset.train().size();
        if (config.globalBatchSize() > images) {
            String batch = config.globalBatchSize() == config.schedule().batchSize() ? ""
                    : " (× " + config.workers() + " workers with weak scaling: " + config.globalBatchSize() + ")";
            throw new ConfigException(TrainingOptions.BATCH.key(), config.schedule().batchSize(), String.format(Locale.ROOT,
                    "is larger than the training set%s: %s has %,d training images", batch, dataset.info().name(), images));
        }
    }

    /**
     * A pipeline stage holds one layer at least; the workbench asks before Run.
     *
     * @throws ConfigException at {@code procs} (the stages), saying how many the architecture allows
     */
    public static void checkStages(TrainingConfig config, Architecture architecture) {
        int layers = architecture.layers().size();
        if (config.parallelism().strategy().splitsLayers() && config.parallelism().processes() > layers) {
            throw new ConfigException(TrainingOptions.PROCS.key(), config.parallelism().processes(), String.format(
                    "expected at most %d stages (--stages): %s has %d layers, and a stage holds one at least",
                    layers, architecture.name(), layers));
        }
    }

    /**
     * Whether the architecture takes the dataset's images and has an output per class; the workbench asks before
     * Run, as soon as either is chosen.
     *
     * @throws ConfigException at {@code model}, saying what does not fit
     */
    public static void checkFit(Architecture architecture, DatasetInfo dataset) {
        SampleShape input = architecture.input();
        ImageShape images = dataset.shape();
        if (input.channels() != images.channels() || input.height() != images.height()
                || input.width() != images.width()) {
            throw new ConfigException("model", architecture.name(), String.format(
                    "expects %s images but %s has %d×%d×%d", input, dataset.name(),
                    images.channels(), images.height(), images.width()));
        }
        int outputs = architecture.outputCount();
        if (outputs != dataset.classCount()) {
            throw new ConfigException("model", architecture.name(), String.format(
                    "has %d outputs but %s has %d classes", outputs, dataset.name(), dataset.classCount()));
        }
    }
}
