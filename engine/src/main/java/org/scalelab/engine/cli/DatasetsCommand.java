package org.scalelab.engine.cli;

import org.scalelab.engine.config.Folders;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.data.DatasetException;
import org.scalelab.engine.data.DatasetStatus;
import org.scalelab.engine.data.DownloadCancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab datasets}: lists every dataset with its status, and downloads or imports them. Failures end
 * with a non-zero exit code and one line naming what was wrong, never a stack trace.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets ScaleLab knows; download one, or import a copy you already have.",
        subcommands = {DatasetsCommand.Download.class, DatasetsCommand.Import.class})
public class DatasetsCommand implements Callable<Integer> {

    /** The conventional exit code of a program stopped by Ctrl-C (128 + SIGINT). */
    static final int CANCELLED = 130;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where downloaded and imported datasets are kept (default: $SCALELAB_DATA_DIR, "
                    + "else $XDG_CACHE_HOME/scalelab/datasets, else ~/.cache/scalelab/datasets).")
    Path dataDir;

    @Option(names = "--mirror", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Download from URL/NAME/FILE instead of the upstream sites (default: $SCALELAB_MIRROR).")
    URI mirror;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return withCatalog(catalog -> {
            DatasetTable.print(catalog, spec.commandLine().getOut());
            return 0;
        });
    }

    /** What a subcommand does with the catalog; returns the exit code. */
    @FunctionalInterface
    interface CatalogAction {
        int run(DatasetCatalog catalog);
    }

    /** Runs {@code action} on the catalog the options select, turning a {@link DatasetException} into one line. */
    int withCatalog(CatalogAction action) {
        try {
            Path cacheDir = dataDir != null ? dataDir : Folders.ofThisUser().datasets();
            URI downloadMirror = mirror != null ? mirror : DatasetCatalog.mirrorFromEnvironment();
            return action.run(new DatasetCatalog(cacheDir, DatasetCatalog.DEFAULT_INSTALLED_FASHION_MNIST, downloadMirror));
        } catch (DownloadCancelledException e) {
            err().println(e.getMessage() + "; nothing partial was kept.");
            return CANCELLED;
        } catch (DatasetException e) {
            err().println("error: " + e.getMessage());
            return 1;
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** What the subcommands share: the parent's options, one-line errors, and where the data went. */
    abstract static class CatalogSubcommand implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.withCatalog(this::run);
        }

        abstract int run(DatasetCatalog catalog);

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** {@code NAME: done into FOLDER (SIZE)}. */
        void reportStored(DatasetCatalog catalog, String name, String done) {
            out().println(name + ": " + done + " " + catalog.cacheDir().resolve(name) + " ("
                    + DatasetTable.size(catalog.bytesOnDisk(name)) + ")");
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download a dataset into the data folder, verifying its checksums. Ctrl-C cancels "
                    + "cleanly; running it again resumes with the files not yet verified.")
    static class Download extends CatalogSubcommand {

        @Parameters(paramLabel = "NAME", description = "mnist, fashion-mnist or cifar10")
        String name;

        @Override
        int run(DatasetCatalog catalog) {
            DatasetStatus status = catalog.status(name);
            if (status == DatasetStatus.EMBEDDED || status == DatasetStatus.INSTALLED) {
                out().println(name + " is already available (" + status.label() + "); nothing to download.");
                return 0;
            }
            try (CancelOnShutdown ctrlC = new CancelOnShutdown();
                 DownloadProgressBars bars = new DownloadProgressBars(spec.commandLine().getErr())) {
                catalog.download(name, bars, ctrlC);
            }
            reportStored(catalog, name, "downloaded to");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check a folder or archive you already have by reading all of it, then copy it into "
                    + "the data folder.")
    static class Import extends CatalogSubcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "mnist, fashion-mnist or cifar10")
        String name;

        @Parameters(index = "1", paramLabel = "PATH",
                description = "For mnist and fashion-mnist a folder with the four IDX files (.gz or not); for "
                        + "cifar10 the folder of .bin batches or cifar-10-binary.tar.gz.")
        Path path;

        @Override
        int run(DatasetCatalog catalog) {
            catalog.importFrom(name, path);
            reportStored(catalog, name, "imported from " + path + " into");
            return 0;
        }
    }
}
