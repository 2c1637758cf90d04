package org.scalelab.engine.cli;

import java.nio.file.Path;
import org.scalelab.engine.runs.RunStore;
import picocli.CommandLine.Option;

/** {@code --runs-dir}, shared by every command that reads or writes run records and studies. */
final class RunsDirOption {

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Where run records go (default: $SCALELAB_HOME/runs, else ~/.local/share/scalelab/runs).")
    Path runsDir;

    Path directory() {
        return runsDir != null ? runsDir : RunStore.defaultDirectory();
    }

    RunStore store() {
        return new RunStore(directory());
    }
}
