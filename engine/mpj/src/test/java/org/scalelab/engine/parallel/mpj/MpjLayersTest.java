package org.scalelab.engine.parallel.mpj;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.scalelab.engine.EngineLayersTest;

/** The engine's layering rules over the engine and this module together: {@code parallel.mpj} is in the parallel layer. */
@AnalyzeClasses(packages = "org.scalelab.engine",
        importOptions = {ImportOption.DoNotIncludeTests.class, MpjLayersTest.NotTheEnginesTestJar.class})
class MpjLayersTest {

    @ArchTest
    static final ArchTests ENGINE_RULES = ArchTests.in(EngineLayersTest.class);

    /** The engine's test classes reach this module as a jar, which {@link ImportOption.DoNotIncludeTests} keeps. */
    static final class NotTheEnginesTestJar implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
