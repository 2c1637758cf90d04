package org.scalelab.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class EnvironmentInfoTest {

    @Test
    void describesThisProcess() {
        EnvironmentInfo environment = EnvironmentInfo.current();
        assertEquals(Runtime.getRuntime().availableProcessors(), environment.logicalCores());
        assertFalse(environment.cpuModel().isBlank());
        assertTrue(environment.jvm().contains(System.getProperty("java.runtime.version")), environment.jvm());
        assertEquals(System.getenv("OMP_NUM_THREADS"), environment.ompNumThreads());
        assertTrue(environment.nativeThreads() >= 1, environment.toString());
        assertFalse(environment.hostName().isBlank());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void namesTheNativeBuildThatIsActuallyLoaded() {
        // The engine depends on the oneDNN build only (see engine/pom.xml).
        assertEquals("linux-x86_64-onednn", EnvironmentInfo.current().nativeClassifier());
    }
}
