package org.scalelab.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A dataset kept as files: found in a system folder the operating system installed, or in ScaleLab's cache
 * after a download or an import. Every copy is checked by reading it, and a complete one has the published
 * number of images.
 */
final class StoredDataset implements DatasetSource {

    private final DatasetInfo info;
    private final DiskFormat format;
    private final SplitSizes sizes;
    private final List<RemoteFile> remoteFiles;
    private final Path cacheFolder;
    private final Path installedFolder;

    /**
     * @param cacheFolder     this dataset's own folder in the cache, created on download or import
     * @param installedFolder where a system package puts it, or null when there is none
     */
    StoredDataset(DatasetInfo info, DiskFormat format, SplitSizes sizes, List<RemoteFile> remoteFiles,
                  Path cacheFolder, Path installedFolder) {
        this.info = info;
        this.format = format;
        this.sizes = sizes;
        this.remoteFiles = List.copyOf(remoteFiles);
        this.cacheFolder = cacheFolder;
        this.installedFolder = installedFolder;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public DatasetStatus status() {
        if (installedFolder != null && holdsData(installedFolder)) {
            return DatasetStatus.INSTALLED;
        }
        if (holdsData(cacheFolder)) {
            return DatasetStatus.CACHED;
        }
        return remoteFiles.isEmpty() ? DatasetStatus.UNAVAILABLE : DatasetStatus.DOWNLOADABLE;
    }

    /** The folder loading reads: the installed copy first, as the system keeps it up to date. */
    private Optional<Path> location() {
        return switch (status()) {
            case INSTALLED -> Optional.of(installedFolder);
            case CACHED -> Optional.of(cacheFolder);
            default -> Optional.empty();
        };
    }

    private boolean holdsData(Path folder) {
        try {
            format.locate(folder);
            return true;
        } catch (DatasetException absent) {
            return false;
        }
    }

    @Override
    public long bytesOnDisk() {
        long total = 0;
        for (Path file : location().map(format::locate).orElse(List.of())) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // Gone since it was located: it no longer takes space.
            }
        }
        return total;
    }

    @Override
    public Dataset load() {
        Path folder = location().orElseThrow(this::notHere);
        TrainAndTest data = read(folder);
        return new Dataset(info, data.train(), data.test());
    }

    /** Says how to get the dataset, and what is missing when an earlier download stopped part way. */
    private DatasetException notHere() {
        String why = "";
        if (Files.isDirectory(cacheFolder)) {
            try {
                format.locate(cacheFolder);
            } catch (DatasetException missing) {
                why = " (" + missing.getMessage() + ")";
            }
        }
        return new DatasetException(info.name() + " is not downloaded yet" + why + ". Get it with "
                + "./scalelab datasets download " + info.name() + ", or if you already have the files, "
                + "./scalelab datasets import " + info.name() + " FOLDER-OR-ARCHIVE");
    }

    private TrainAndTest read(Path folderOrArchive) {
        TrainAndTest data = format.read(folderOrArchive, info);
        sizes.check(data, info.name(), folderOrArchive);
        return data;
    }

    /** Downloads the files not already in the cache with the right sums, so a second try resumes. */
    @Override
    public void download(DownloadProgress progress, BooleanSupplier cancelled) {
        if (remoteFiles.isEmpty()) {
            throw new DatasetException(info.name() + " has no download source; import a copy you have instead");
        }
        Downloader downloader = new Downloader();
        for (RemoteFile file : remoteFiles) {
            if (!Checksums.matches(file, cacheFolder.resolve(file.fileName()))) {
                downloader.download(file, cacheFolder, progress, cancelled);
            }
        }
    }

    /** Reads the whole source first, so a faulty copy is refused before anything in the cache changes. */
    @Override
    public void importFrom(Path folderOrArchive) {
        read(folderOrArchive);
        CacheFolder.replace(cacheFolder, format.locate(folderOrArchive), format::storedName);
    }
}
