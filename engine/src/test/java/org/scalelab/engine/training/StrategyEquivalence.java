package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.model.WeightsFile;
import org.scalelab.engine.strategies.Trainers;

/**
 * Trains a configuration with some strategy and compares the resulting weights with a serial run of the same
 * seed and global batch: the check that a parallel strategy computes what the serial one does. Shared by the
 * engine's tests and the MPJ module's (which sees the engine's test classes).
 *
 * <p>A test class holds one as its fixture, {@code @RegisterExtension static final StrategyEquivalence runs = new
 * StrategyEquivalence();}: before the class's first test it makes a folder of its own for the weights files (and for
 * whatever else the tests write, {@link #folder()}), and after the last it removes it.
 */
public final class StrategyEquivalence implements BeforeAllCallback, AfterAllCallback {
    /** The bound: parameters agree within 1e-5 relative to their largest magnitude. */
    public static final double RELATIVE_TOLERANCE = 1e-5;

    private final DatasetCatalog catalog;
    private Path folder;
    private int runs;

    /** A class's fixture: the default datasets, its folder made before its tests and removed after them. */
    public StrategyEquivalence() {
        this(new DatasetCatalog(), null);
    }

    /** @param folder where the weights files go */
    public StrategyEquivalence(DatasetCatalog catalog, Path folder) {
        this.catalog = catalog;
        this.folder = folder;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("strategy-equivalence-");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public DatasetCatalog catalog() {
        return catalog;
    }

    /** Where the weights files go, and the tests' other files may. */
    public Path folder() {
        return folder;
    }

    /** Twenty steps of one epoch on the embedded digits, seed 3; strategies vary from there. */
    public static TrainingConfig twentySteps(String model) {
        return TrainingConfig.defaults().with(DATASET, "mnist-mini").with(MODEL, model).with(EPOCHS, 1).with(STEPS_PER_EPOCH, 20).with(BATCH, 64)
                .with(LR, 0.05).with(OPTIMIZER, OptimizerKind.MOMENTUM).with(SEED, 3L);
    }

    /** Trains {@code config} to the end and returns its final parameters. */
    public float[] weights(TrainingConfig config) throws IOException {
        return weights(config, event -> { });
    }

    public float[] weights(TrainingConfig config, RunListener listener) throws IOException {
        Path file = folder.resolve("weights-" + (runs++) + ".bin");
        RunPlan plan = RunPlan.prepare(config, catalog).savingWeightsTo(file);
        RunSummary summary = Trainers.forConfig(config, catalog).train(plan, listener, new CancellationToken());
        assertEquals(RunStatus.FINISHED, summary.status(), config.parallelism().strategy() + " did not finish");
        return WeightsFile.read(file);
    }

    /** Asserts {@code actual} equals {@code expected} within {@link #RELATIVE_TOLERANCE}, and that both moved. */
    public static void assertSameWeights(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": parameter count");
        double largest = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(largest > 0, what + ": no parameters");
        assertTrue(worst <= RELATIVE_TOLERANCE * largest,
                what + ": largest difference " + worst + " exceeds " + RELATIVE_TOLERANCE + " × " + largest);
    }
}
