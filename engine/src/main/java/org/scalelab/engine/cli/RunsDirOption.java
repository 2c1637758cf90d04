package org.scalelab.engine.cli;

import java.nio.file.Path;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Folders;
import org.scalelab.engine.runs.RunStore;
import picocli.CommandLine.Option;

/** {@code --runs-dir}, shared by every command that reads or writes run records and studies. */
final class RunsDirOption {

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Where run records go (default: $SCALELAB_HOME/runs, else $XDG_DATA_HOME/scalelab/runs, else ~/.local/share/scalelab/runs).")
    Path runsDir;

    Path directory() {
        return runsDir != null ? runsDir : Folders.ofThisUser().runs();
    }

    RunStore store() {
        return new RunStore(directory());
    }

    /**
     * The store, for commands that will write to it: checked first, so that a folder that cannot take a record
     * is found before any work is done rather than losing the work's record at its end.
     *
     * @throws ConfigException naming the folder and why it cannot be written
     */
    RunStore writableStore() {
        RunStore store = store();
        store.whyUnwritable().ifPresent(reason -> {
            throw new ConfigException("runsDir", directory(), "cannot save run records there (" + reason + ")");
        });
        return store;
    }
}
