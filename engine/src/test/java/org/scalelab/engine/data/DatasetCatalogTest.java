package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {

    private static final Path INSTALLED = DatasetCatalog.DEFAULT_INSTALLED_FASHION_MNIST;

    @TempDir
    Path cache;

    @TempDir
    Path elsewhere;

    /** A catalog that sees no installed Fashion-MNIST, whatever this machine has. */
    private DatasetCatalog emptyCatalog() {
        return new DatasetCatalog(cache, elsewhere.resolve("not-installed"));
    }

    private static void assumeFashionMnistInstalled() {
        assumeTrue(Files.isDirectory(INSTALLED), "Debian's dataset-fashion-mnist is not installed");
    }

    /** A CIFAR-format entry small enough for tests: 5 × 4 training and 4 test images. */
    private StoredDataset smallCifar(List<RemoteFile> remoteFiles) {
        return new StoredDataset(StandardDatasets.CIFAR10, DiskFormat.CIFAR, new SplitSizes(20, 4), remoteFiles,
                cache.resolve("cifar10"), null);
    }

    @Test
    void knowsTheFiveDatasetsInListingOrder() {
        assertEquals(List.of("mnist-mini", "mnist", "fashion-mnist", "cifar10", "synthetic-cifar"),
                emptyCatalog().names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> emptyCatalog().load("imagenet"));

        assertEquals("unknown dataset 'imagenet'; known: mnist-mini, mnist, fashion-mnist, cifar10, synthetic-cifar",
                e.getMessage());
    }

    @Test
    void freshCacheHasOnlyTheBuiltInSets() {
        DatasetCatalog catalog = emptyCatalog();

        Map<String, DatasetStatus> expected = Map.of("mnist-mini", DatasetStatus.EMBEDDED,
                "mnist", DatasetStatus.DOWNLOADABLE, "fashion-mnist", DatasetStatus.DOWNLOADABLE,
                "cifar10", DatasetStatus.DOWNLOADABLE, "synthetic-cifar", DatasetStatus.EMBEDDED);
        for (DatasetSummary summary : catalog.summaries()) {
            assertEquals(expected.get(summary.info().name()), summary.status(), summary.info().name());
        }
        assertEquals(0, catalog.bytesOnDisk("mnist"));
        assertTrue(catalog.bytesOnDisk("mnist-mini") > 1_000_000);
        assertTrue(catalog.info("synthetic-cifar").synthetic());
        assertTrue(catalog.info("synthetic-cifar").displayName().contains("Synthetic"));
        assertEquals(new ImageShape(3, 32, 32), catalog.info("cifar10").shape());
        assertEquals("Ankle boot", catalog.info("fashion-mnist").classNames().get(9));
    }

    @Test
    void loadingAnAbsentDatasetSaysHowToGetIt() {
        DatasetException e = assertThrows(DatasetException.class, () -> emptyCatalog().load("cifar10"));

        assertTrue(e.getMessage().startsWith("cifar10 is not downloaded yet"), e.getMessage());
        assertTrue(e.getMessage().contains("./scalelab datasets download cifar10"), e.getMessage());
        assertTrue(e.getMessage().contains("./scalelab datasets import cifar10 "), e.getMessage());
    }

    @Test
    void installedFashionMnistIsFoundAndVerifiedByContent() {
        assumeFashionMnistInstalled();
        DatasetCatalog catalog = new DatasetCatalog(cache, INSTALLED);

        assertEquals(DatasetStatus.INSTALLED, catalog.status("fashion-mnist"));
        assertTrue(catalog.bytesOnDisk("fashion-mnist") > 30_000_000);
        Dataset fashion = catalog.load("fashion-mnist");
        assertEquals(60_000, fashion.train().size());
        assertEquals(10_000, fashion.test().size());
    }

    @Test
    void loadsAreSharedAndThreadSafe() throws Exception {
        DatasetCatalog catalog = emptyCatalog();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Dataset>> loads = pool.invokeAll(List.of(() -> catalog.load("mnist-mini"),
                    () -> catalog.load("mnist-mini"), () -> catalog.load("mnist-mini"), () -> catalog.load("mnist-mini")));
            Dataset first = loads.get(0).get();
            for (Future<Dataset> load : loads) {
                assertSame(first, load.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void importCopiesAVerifiedFolderIntoTheCache() {
        assumeFashionMnistInstalled();
        DatasetCatalog catalog = emptyCatalog();

        catalog.importFrom("fashion-mnist", INSTALLED);

        assertEquals(DatasetStatus.CACHED, catalog.status("fashion-mnist"));
        Set<Path> names = new HashSet<>();
        TestData.filesUnder(cache).forEach(file -> names.add(cache.relativize(file)));
        Set<Path> expected = new HashSet<>();
        IdxReader.FILE_NAMES.forEach(name -> expected.add(Path.of("fashion-mnist", name + ".gz")));
        assertEquals(expected, names, "exactly the four files, no leftovers");
        assertEquals(60_000, catalog.load("fashion-mnist").train().size());
    }

    @Test
    void importRefusesAFaultyFolderAndKeepsThePreviousCopy() throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(cache, null, List.of(smallCifar(List.of())));
        Path good = elsewhere.resolve("good");
        TestData.write(good, TestData.cifarBatches(4));
        catalog.importFrom("cifar10", good);
        List<Path> before = TestData.filesUnder(cache);
        Path bad = elsewhere.resolve("bad");
        Map<String, byte[]> files = TestData.cifarBatches(4);
        files.put("data_batch_4.bin", new byte[100]);
        TestData.write(bad, files);

        DatasetException e = assertThrows(DatasetException.class, () -> catalog.importFrom("cifar10", bad));

        assertTrue(e.getMessage().startsWith(bad.resolve("data_batch_4.bin") + ": size 100 bytes"), e.getMessage());
        assertEquals(before, TestData.filesUnder(cache));
        assertEquals(DatasetStatus.CACHED, catalog.status("cifar10"));
    }

    @Test
    void importRefusesImagesOfTheWrongSizeNamingTheFile() {
        Path large = elsewhere.resolve("large-mnist");
        TestData.write(large, Map.of(IdxReader.TRAIN_IMAGES + ".gz", TestData.gzip(TestData.idxImages(3, 32, 32)),
                IdxReader.TRAIN_LABELS + ".gz", TestData.gzip(TestData.idxLabels(3)),
                IdxReader.TEST_IMAGES + ".gz", TestData.gzip(TestData.idxImages(2, 32, 32)),
                IdxReader.TEST_LABELS + ".gz", TestData.gzip(TestData.idxLabels(2))));

        DatasetException e = assertThrows(DatasetException.class, () -> emptyCatalog().importFrom("mnist", large));

        assertEquals(large.resolve(IdxReader.TRAIN_IMAGES + ".gz") + ": images are 32x32 grey, but this dataset's are "
                + "28x28 grey", e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(cache));
    }

    @Test
    void importRefusesACopyWithTheWrongNumberOfImages() {
        Path small = elsewhere.resolve("small-mnist");
        TestData.writeIdxFolder(small, 30, 10);

        DatasetException e = assertThrows(DatasetException.class, () -> emptyCatalog().importFrom("mnist", small));

        assertEquals(small + ": holds 30 training and 10 test images, but mnist has 60,000 and 10,000", e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(cache));
    }

    @Test
    void importOfAnArchiveStoresItUnderTheDownloadName() throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(cache, null, List.of(smallCifar(List.of())));
        Path archive = Files.write(elsewhere.resolve("cifar-from-course.tgz"),
                TestData.tarGz(CifarReader.ARCHIVE_FOLDER, TestData.cifarBatches(4)));

        catalog.importFrom("cifar10", archive);

        assertEquals(List.of(cache.resolve("cifar10").resolve(CifarReader.ARCHIVE_NAME)), TestData.filesUnder(cache));
        Dataset cifar = catalog.load("cifar10");
        assertEquals(20, cifar.train().size());
        assertEquals(4, cifar.test().size());
    }

    @Test
    void importReplacesAnEarlierCopyWhole() {
        DatasetCatalog catalog = new DatasetCatalog(cache, null, List.of(smallCifar(List.of())));
        Path first = elsewhere.resolve("first");
        TestData.write(first, TestData.cifarBatches(4));
        catalog.importFrom("cifar10", first);
        Path archive = elsewhere.resolve("second.tar.gz");
        TestData.write(elsewhere, Map.of("second.tar.gz", TestData.tarGz("x", TestData.cifarBatches(4))));

        catalog.importFrom("cifar10", archive);

        assertEquals(List.of(cache.resolve("cifar10").resolve(CifarReader.ARCHIVE_NAME)), TestData.filesUnder(cache));
    }

    @Test
    void downloadFetchesIntoTheCacheAndASecondRunSkipsVerifiedFiles() throws Exception {
        byte[] archive = TestData.tarGz(CifarReader.ARCHIVE_FOLDER, TestData.cifarBatches(4));
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer()) {
            server.handle("/cifar10/" + CifarReader.ARCHIVE_NAME, exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, archive.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(archive);
                }
            });
            RemoteFile remote = RemoteFile.withMd5(server.url("/cifar10/"), CifarReader.ARCHIVE_NAME,
                    DownloaderTest.hex("MD5", archive));
            DatasetCatalog catalog = new DatasetCatalog(cache, null, List.of(smallCifar(List.of(remote))));
            assertEquals(DatasetStatus.DOWNLOADABLE, catalog.status("cifar10"));

            catalog.download("cifar10", DownloadProgress.NONE, () -> false);
            catalog.download("cifar10", DownloadProgress.NONE, () -> false);

            assertEquals(1, requests.get());
            assertEquals(DatasetStatus.CACHED, catalog.status("cifar10"));
            assertEquals(archive.length, catalog.bytesOnDisk("cifar10"));
            assertEquals(20, catalog.load("cifar10").train().size());
        }
    }

    @Test
    void downloadsComeFromTheMirrorAndAreCheckedAgainstTheUpstreamSums() throws Exception {
        byte[] notMnist = TestData.gzip(TestData.idxImages(2, 28, 28));
        try (LoopbackServer server = new LoopbackServer()) {
            server.serve("/mnist/", notMnist);
            DatasetCatalog catalog = new DatasetCatalog(cache, elsewhere, server.url("/"));

            DatasetException e = assertThrows(DatasetException.class,
                    () -> catalog.download("mnist", DownloadProgress.NONE, () -> false));

            assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: checksum mismatch: expected md5 "
                    + "f68b3c2dcbeaaa9fbdd348bbdeb94873, got "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(downloaded from " + server.url("/mnist/train-images-idx3-ubyte.gz")
                    + ")"), e.getMessage());
            assertEquals(List.of(), TestData.filesUnder(cache));
            assertEquals(DatasetStatus.DOWNLOADABLE, catalog.status("mnist"));
        }
    }

    @Test
    void builtInSetsHaveNothingToDownloadOrImport() {
        DatasetCatalog catalog = emptyCatalog();

        DatasetException download = assertThrows(DatasetException.class,
                () -> catalog.download("mnist-mini", DownloadProgress.NONE, () -> false));
        DatasetException importing = assertThrows(DatasetException.class,
                () -> catalog.importFrom("synthetic-cifar", elsewhere));

        assertEquals("mnist-mini is built into ScaleLab: there is nothing to download", download.getMessage());
        assertEquals("synthetic-cifar is built into ScaleLab: there is nothing to import", importing.getMessage());
        assertFalse(Files.exists(cache.resolve("mnist-mini")));
    }

    @Test
    void syntheticSetLoadsAtItsDefaultSize() {
        Dataset synthetic = emptyCatalog().load("synthetic-cifar");

        assertEquals(SyntheticCifar.DEFAULT_TRAIN, synthetic.train().size());
        assertEquals(SyntheticCifar.DEFAULT_TEST, synthetic.test().size());
        assertArrayEquals(new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, synthetic.test().classCounts());
    }
}
