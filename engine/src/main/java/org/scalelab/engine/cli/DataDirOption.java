package org.scalelab.engine.cli;

import org.scalelab.engine.config.Folders;
import java.nio.file.Path;
import org.scalelab.engine.data.DatasetCatalog;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by the commands that train: where downloaded datasets are, and the catalog over them. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where downloaded datasets are (see: scalelab datasets --help).")
    Path dataDir;

    /** The default catalog, with downloads and imports in {@code --data-dir} when it was given. */
    DatasetCatalog catalog() {
        return new DatasetCatalog(dataDir != null ? dataDir : Folders.ofThisUser().datasets(),
                DatasetCatalog.DEFAULT_INSTALLED_FASHION_MNIST, DatasetCatalog.mirrorFromEnvironment());
    }
}
