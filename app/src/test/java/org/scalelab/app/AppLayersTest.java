package org.scalelab.app;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The workbench's packages depend on each other in one direction, bottom to top: {@code ui} (JavaFX helpers)
 * and {@code text} (how runs are named); {@code charts}; {@code export} and {@code replay}; the views
 * {@code library}, {@code live} and {@code setup}, which do not use each other; {@code compare}; {@code studies}
 * and {@code whatif}; and the {@code Workbench} that puts them together. Each layer lists what it really uses.
 */
@AnalyzeClasses(packages = "org.scalelab.app", importOptions = ImportOption.DoNotIncludeTests.class)
public class AppLayersTest {

    @ArchTest
    static final ArchRule LAYERS_POINT_DOWN = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("ui").definedBy("org.scalelab.app.ui..")
            .layer("text").definedBy("org.scalelab.app.text..")
            .layer("charts").definedBy("org.scalelab.app.charts..")
            .layer("export").definedBy("org.scalelab.app.export..")
            .layer("replay").definedBy("org.scalelab.app.replay..")
            .layer("baseline").definedBy("org.scalelab.app.baseline..")
            .layer("library").definedBy("org.scalelab.app.library..")
            .layer("live").definedBy("org.scalelab.app.live..")
            .layer("setup").definedBy("org.scalelab.app.setup..")
            .layer("compare").definedBy("org.scalelab.app.compare..")
            .layer("studies").definedBy("org.scalelab.app.studies..")
            .layer("whatif").definedBy("org.scalelab.app.whatif..")
            .layer("workbench").definedBy("org.scalelab.app")
            .whereLayer("ui").mayNotAccessAnyLayer()
            .whereLayer("text").mayNotAccessAnyLayer()
            .whereLayer("charts").mayOnlyAccessLayers("ui")
            .whereLayer("export").mayOnlyAccessLayers("ui", "charts")
            .whereLayer("replay").mayNotAccessAnyLayer()
            .whereLayer("baseline").mayOnlyAccessLayers("ui", "text")
            .whereLayer("library").mayOnlyAccessLayers("ui", "text", "export", "replay", "baseline")
            .whereLayer("live").mayOnlyAccessLayers("ui", "text", "charts", "replay", "baseline")
            .whereLayer("setup").mayOnlyAccessLayers("ui")
            .whereLayer("compare").mayOnlyAccessLayers("ui", "text", "charts", "export", "library", "live", "baseline")
            .whereLayer("studies").mayOnlyAccessLayers("ui")
            .whereLayer("whatif").mayOnlyAccessLayers("ui")
            .whereLayer("workbench").mayOnlyAccessLayers("ui", "export", "replay", "library", "live", "setup",
                    "compare", "studies", "whatif", "baseline");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("org.scalelab.app.(*)..").should().beFreeOfCycles();
}
