package org.scalelab.engine;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's packages depend on each other in one direction, bottom to top: writing files safely ({@code io}),
 * the vocabulary ({@code config}, {@code provenance}); {@code data}, {@code model}, {@code parallel}; {@code events};
 * {@code training}; {@code strategies}; {@code runs}; {@code studies}; {@code bench}; {@code predict}; {@code cli};
 * beside them {@code report}, tables and
 * charts as files, which depends on no ScaleLab package. Each layer lists what it really uses, so a new
 * arrow, even a downward one, is a decision made here. The MPJ module runs these rules again with its
 * {@code parallel.mpj} classes included.
 */
@AnalyzeClasses(packages = "org.scalelab.engine", importOptions = ImportOption.DoNotIncludeTests.class)
public class EngineLayersTest {

    @ArchTest
    static final ArchRule LAYERS_POINT_DOWN = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitectureIgnoring("org.scalelab.engine")
            .layer("io").definedBy("org.scalelab.engine.io..")
            .layer("config").definedBy("org.scalelab.engine.config..")
            .layer("provenance").definedBy("org.scalelab.engine.provenance..")
            .layer("data").definedBy("org.scalelab.engine.data..")
            .layer("model").definedBy("org.scalelab.engine.model..")
            .layer("parallel").definedBy("org.scalelab.engine.parallel..")
            .layer("events").definedBy("org.scalelab.engine.events..")
            .layer("training").definedBy("org.scalelab.engine.training..")
            .layer("strategies").definedBy("org.scalelab.engine.strategies..")
            .layer("runs").definedBy("org.scalelab.engine.runs..")
            .layer("report").definedBy("org.scalelab.engine.report..")
            .layer("studies").definedBy("org.scalelab.engine.studies..")
            .layer("bench").definedBy("org.scalelab.engine.bench..")
            .layer("predict").definedBy("org.scalelab.engine.predict..")
            .layer("cli").definedBy("org.scalelab.engine.cli..")
            .whereLayer("io").mayNotAccessAnyLayer()
            .whereLayer("config").mayNotAccessAnyLayer()
            .whereLayer("provenance").mayOnlyAccessLayers("config")
            .whereLayer("report").mayNotAccessAnyLayer()
            .whereLayer("data").mayOnlyAccessLayers("config")
            .whereLayer("model").mayOnlyAccessLayers("io", "config")
            .whereLayer("parallel").mayOnlyAccessLayers("config")
            .whereLayer("events").mayOnlyAccessLayers("config", "provenance", "data", "model")
            // io: checkpoints are training state, replaced atomically like the model's weights files.
            .whereLayer("training").mayOnlyAccessLayers("io", "config", "provenance", "data", "model", "parallel", "events")
            .whereLayer("strategies").mayOnlyAccessLayers("config", "provenance", "data", "model", "parallel", "events",
                    "training")
            .whereLayer("runs").mayOnlyAccessLayers("io", "config", "provenance", "events", "report")
            .whereLayer("studies").mayOnlyAccessLayers("io", "config", "provenance", "parallel", "events", "training", "runs", "report")
            .whereLayer("bench").mayOnlyAccessLayers("config", "provenance", "data", "model", "parallel", "events",
                    "training", "strategies", "runs")
            .whereLayer("predict").mayOnlyAccessLayers("io", "config", "provenance", "data", "model", "parallel", "events",
                    "training", "runs", "studies", "bench")
            .whereLayer("cli").mayOnlyAccessLayers("io", "config", "provenance", "data", "model", "parallel", "events",
                    "training", "strategies", "runs", "report", "studies", "bench", "predict");

    /** Inside a layer too: {@code model}'s layers, kernels and specs may use each other, but no two top packages. */
    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("org.scalelab.engine.(*)..").should().beFreeOfCycles();
}
