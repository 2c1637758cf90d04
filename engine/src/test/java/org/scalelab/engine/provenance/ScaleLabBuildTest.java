package org.scalelab.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScaleLabBuildTest {

    @Test
    void theVersionIsTheOneMavenBuilt() {
        assertTrue(ScaleLabBuild.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), ScaleLabBuild.version());
    }

    /** The tests run from the engine's classes: in a checkout, as CI's fresh clone is, git names the commit. */
    @Test
    void theCommitIsTheOneGitNamesOrUnknownOutsideACheckout() throws Exception {
        assertEquals(gitHead(), ScaleLabBuild.commit());
    }

    @Test
    void aProvenanceShowsItsHashesShortenedAndUnknownAsItIs() {
        Provenance provenance = new Provenance("0.1.0", "6404891617f7648087ec7f85559d6f1177a337e8",
                "sha256:99f906224b8ac87fb402c042188cbea70e170035da8a93de53e7d243fb9ef130");
        assertEquals("ScaleLab 0.1.0, commit 6404891617f7, dataset sha256:99f906224b8a", provenance.describe());
        assertEquals("ScaleLab 0.1.0, commit unknown, dataset sha256:99f906224b8a",
                new Provenance("0.1.0", ScaleLabBuild.UNKNOWN, provenance.datasetChecksum()).describe());
    }

    private static String gitHead() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(Path.of("").toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : ScaleLabBuild.UNKNOWN;
        } catch (IOException noGit) {
            return ScaleLabBuild.UNKNOWN;
        }
    }
}
