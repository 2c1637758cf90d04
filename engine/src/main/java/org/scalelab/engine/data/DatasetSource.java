package org.scalelab.engine.data;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** One entry of the {@link DatasetCatalog}: what the dataset is, whether it is here, and how to get it. */
interface DatasetSource {

    DatasetInfo info();

    DatasetStatus status();

    /** Bytes of the files it is loaded from; 0 when it is generated or absent. */
    long bytesOnDisk();

    /**
     * Reads the data.
     *
     * @throws DatasetException when it is absent (saying how to get it) or unreadable (naming the file)
     */
    Dataset load();

    /** Fetches the files; built-in datasets have nothing to fetch. */
    default void download(DownloadProgress progress, BooleanSupplier cancelled) {
        throw new DatasetException(info().name() + " is built into ScaleLab: there is nothing to download");
    }

    /** Validates a folder or archive the user already has and copies it into the cache. */
    default void importFrom(Path folderOrArchive) {
        throw new DatasetException(info().name() + " is built into ScaleLab: there is nothing to import");
    }
}
