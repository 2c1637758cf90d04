package org.scalelab.engine.data;

import java.lang.ref.SoftReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalelab.engine.config.Folders;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Every dataset ScaleLab knows — {@code mnist-mini}, {@code mnist}, {@code fashion-mnist}, {@code cifar10},
 * {@code synthetic-cifar} — with where each is, loading, downloading and importing.
 *
 * <p>Downloaded and imported datasets live in the cache folder, {@link Folders#datasets()}; one sub-folder each.
 *
 * <p>Thread-safe. Loaded datasets are kept through soft references: loading the same set again is free while
 * memory allows, and the garbage collector may drop them when it does not.
 */
public final class DatasetCatalog {

    /** Where Debian's {@code dataset-fashion-mnist} package installs its files. */
    public static final Path DEFAULT_INSTALLED_FASHION_MNIST = StandardDatasets.DEFAULT_INSTALLED_FASHION_MNIST;

    private final Path cacheDir;
    private final Path installedFashionMnistDir;
    private final Map<String, DatasetSource> sources = new LinkedHashMap<>();
    private final Map<String, SoftReference<Dataset>> loaded = new ConcurrentHashMap<>();

    /** Cache folder and download mirror from the environment; Fashion-MNIST from Debian's folder if installed. */
    public DatasetCatalog() {
        this(Folders.ofThisUser().datasets(), DEFAULT_INSTALLED_FASHION_MNIST, mirrorFromEnvironment());
    }

    /** Downloads from the upstream sites. */
    public DatasetCatalog(Path cacheDir, Path installedFashionMnistDir) {
        this(cacheDir, installedFashionMnistDir, (URI) null);
    }

    /**
     * @param cacheDir                 where downloads and imports go, one sub-folder per dataset
     * @param installedFashionMnistDir where a system package installed Fashion-MNIST (need not exist)
     * @param mirror                   when not null, downloads come from {@code mirror/NAME/FILE} instead of
     *                                 the upstream sites
     */
    public DatasetCatalog(Path cacheDir, Path installedFashionMnistDir, URI mirror) {
        this(cacheDir, installedFashionMnistDir, StandardDatasets.create(cacheDir, installedFashionMnistDir, mirror));
    }

    DatasetCatalog(Path cacheDir, Path installedFashionMnistDir, List<DatasetSource> sources) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.installedFashionMnistDir = installedFashionMnistDir;
        sources.forEach(source -> this.sources.put(source.info().name(), source));
    }

    /**
     * {@code $SCALELAB_MIRROR} as a URI, or null when unset: lets tests and offline sites serve downloads.
     *
     * @throws DatasetException when it is set but not a URL
     */
    public static URI mirrorFromEnvironment() {
        String mirror = System.getenv("SCALELAB_MIRROR");
        if (mirror == null || mirror.isBlank()) {
            return null;
        }
        try {
            return new URI(mirror);
        } catch (URISyntaxException e) {
            throw new DatasetException("SCALELAB_MIRROR: '" + mirror + "' is not a URL (" + e.getReason() + ")");
        }
    }

    /** Where this catalog looks for a system-installed Fashion-MNIST (worker processes open the same catalog). */
    public Path installedFashionMnistDir() {
        return installedFashionMnistDir;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Every known name, in listing order. */
    public List<String> names() {
        return List.copyOf(sources.keySet());
    }

    public DatasetInfo info(String name) {
        return source(name).info();
    }

    public DatasetStatus status(String name) {
        return source(name).status();
    }

    /** Bytes of the files the dataset loads from; 0 for generated or absent ones. */
    /** Whether the dataset can be loaded now, without a download or an import. */
    public boolean isHere(String name) {
        DatasetStatus status = status(name);
        return status != DatasetStatus.DOWNLOADABLE && status != DatasetStatus.UNAVAILABLE;
    }

    public long bytesOnDisk(String name) {
        return source(name).bytesOnDisk();
    }

    /** One row per dataset, in listing order; checks which files exist but reads none. */
    public List<DatasetSummary> summaries() {
        return sources.values().stream()
                .map(source -> new DatasetSummary(source.info(), source.status(), source.bytesOnDisk()))
                .toList();
    }

    /**
     * Loads a dataset, reading and checking its files (or returning the copy loaded before).
     *
     * @throws DatasetException for unknown names (listing the known ones), absent datasets (saying how to get
     *                          them) and faulty files (naming the file and the problem)
     */
    public Dataset load(String name) {
        DatasetSource source = source(name);
        synchronized (source) {
            SoftReference<Dataset> previous = loaded.get(name);
            Dataset dataset = previous == null ? null : previous.get();
            if (dataset == null) {
                dataset = source.load();
                loaded.put(name, new SoftReference<>(dataset));
            }
            return dataset;
        }
    }

    /**
     * Downloads a dataset into the cache, skipping files already there with the right sums.
     *
     * @param cancelled polled while downloading; interrupting the thread cancels too
     * @throws DownloadCancelledException when cancelled; the file in progress is removed
     * @throws DatasetException           naming the URL or file when the download fails or does not verify
     */
    public void download(String name, DownloadProgress progress, BooleanSupplier cancelled) {
        DatasetSource source = source(name);
        synchronized (source) {
            loaded.remove(name);
            source.download(progress, cancelled);
        }
    }

    /**
     * Copies a folder or archive the user already has into the cache, after reading all of it to make sure it
     * is complete and intact. The previous cached copy, if any, is replaced only when the new one is good.
     *
     * @throws DatasetException naming the faulty or missing file
     */
    public void importFrom(String name, Path folderOrArchive) {
        DatasetSource source = source(name);
        synchronized (source) {
            loaded.remove(name);
            source.importFrom(folderOrArchive);
        }
    }

    private DatasetSource source(String name) {
        DatasetSource source = sources.get(name);
        if (source == null) {
            throw new DatasetException("unknown dataset '" + name + "'; known: " + String.join(", ", sources.keySet()));
        }
        return source;
    }
}
