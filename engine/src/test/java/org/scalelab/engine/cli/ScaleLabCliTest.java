package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaleLabCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "train", "datasets", "bench", "datasets download", "datasets import"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").strip().split(" ");
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: scalelab " + command), run.out());
    }

    @Test
    void versionNamesTheBuild() {
        CommandRun run = CommandRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("scalelab \\d+\\.\\d+\\.\\d+.* \\(commit (\\p{XDigit}{40}|unknown)\\)\\s*"), run.out());
    }

    @Test
    void noCommandShowsWhatThereIsAndFails() {
        CommandRun run = CommandRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Commands:") && run.err().contains("train"), run.err());
    }

    @Test
    void unknownCommandIsOneLine() {
        CommandRun run = CommandRun.of("trian");
        assertEquals(2, run.exitCode());
        assertEquals("error: Unmatched argument at index 0: 'trian' (see: scalelab --help)", run.oneErrorLine());
    }
}
