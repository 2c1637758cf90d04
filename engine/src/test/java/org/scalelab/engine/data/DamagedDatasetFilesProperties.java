package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalelab.engine.faults.Damage;
import org.scalelab.engine.faults.ReaderVerdict;

/**
 * Generated damaged IDX and CIFAR-10 files, thousands of them: each ends in a {@link DatasetException} naming the
 * file at fault or, when the damage happens to leave a valid file, in a complete data set; never another
 * exception, a hang or a partial import (an import that fails leaves the cache as it was).
 */
class DamagedDatasetFilesProperties {
    static final int IDX_CASES = 2_000;
    static final int CIFAR_CASES = 1_000;
    static final int IMPORT_CASES = 300;

    private static Path folder;
    private static final ReaderVerdict IDX = new ReaderVerdict(DatasetException.class);
    private static final ReaderVerdict CIFAR = new ReaderVerdict(DatasetException.class);

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("damaged-datasets");
    }

    @AfterContainer
    static void removeFolderAndCheckTheCasesWereMostlyBroken() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        assertTrue(IDX.refused() > IDX_CASES / 2, "IDX: only " + IDX.refused() + " refused");
        assertTrue(CIFAR.refused() > CIFAR_CASES / 2, "CIFAR: only " + CIFAR.refused() + " refused");
    }

    @Provide
    Arbitrary<byte[]> idxImages() {
        return Damage.of(Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 6)).as(TestData::idxImages));
    }

    @Provide
    Arbitrary<byte[]> idxLabels() {
        Arbitrary<byte[]> valid = Arbitraries.integers().between(0, 6).map(TestData::idxLabels);
        return Arbitraries.oneOf(valid, Damage.of(valid));
    }

    @Property(tries = IDX_CASES)
    void damagedIdxFilesAreRefusedNamingTheFile(@ForAll("idxImages") byte[] images, @ForAll("idxLabels") byte[] labels)
            throws IOException {
        Path imagesFile = Files.write(folder.resolve("images-idx3-ubyte"), images);
        Path labelsFile = Files.write(folder.resolve("labels-idx1-ubyte"), labels);
        IDX.check(List.of(imagesFile, labelsFile), () -> IdxReader.read(imagesFile, labelsFile, 10),
                set -> set.size() == headerCount(images) && set.size() == headerCount(labels));
    }

    /** The count an IDX header announces (after decompressing, when the file is gzip). */
    private static int headerCount(byte[] file) {
        try (InputStream in = file.length > 1 && file[0] == 0x1f && (file[1] & 0xff) == 0x8b
                ? new GZIPInputStream(new ByteArrayInputStream(file)) : new ByteArrayInputStream(file)) {
            return ByteBuffer.wrap(in.readNBytes(8)).getInt(4);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The six batch files with one or a few records each, one of them damaged; or an archive of them, damaged. */
    @Provide
    Arbitrary<Map<String, byte[]>> cifarCopies() {
        Arbitrary<Map<String, byte[]>> folderWithADamagedBatch = Combinators.combine(
                Arbitraries.integers().between(0, CifarReader.TRAIN_BATCHES.size()),
                Damage.of(Arbitraries.integers().between(0, 2).map(records -> TestData.cifarBatch(0, records))))
                .as((which, damaged) -> {
                    Map<String, byte[]> files = new LinkedHashMap<>(TestData.cifarBatches(1));
                    List<String> names = new ArrayList<>(files.keySet());
                    files.put(names.get(which), damaged);
                    return files;
                });
        Arbitrary<Map<String, byte[]>> damagedArchive = Damage.of(Arbitraries.integers().between(0, 1)
                .map(records -> TestData.tarGz(CifarReader.ARCHIVE_FOLDER, TestData.cifarBatches(records))))
                .map(archive -> Map.of(CifarReader.ARCHIVE_NAME, archive));
        return Arbitraries.oneOf(folderWithADamagedBatch, damagedArchive);
    }

    @Property(tries = CIFAR_CASES)
    void damagedCifarFilesAreRefusedNamingTheFile(@ForAll("cifarCopies") Map<String, byte[]> files) throws IOException {
        Path copy = Files.createDirectories(folder.resolve("cifar"));
        try (Stream<Path> old = Files.list(copy)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        TestData.write(copy, files);
        List<Path> paths = files.keySet().stream().map(copy::resolve).toList();
        CIFAR.check(paths, () -> CifarReader.read(copy),
                data -> data.train().size() + data.test().size() == recordsIn(files));
    }

    /** The records the batch files hold, as their sizes say, whether they lie in a folder or in the archive. */
    private static long recordsIn(Map<String, byte[]> files) {
        byte[] archive = files.get(CifarReader.ARCHIVE_NAME);
        if (archive == null) {
            return files.values().stream().mapToLong(batch -> batch.length / CifarReader.RECORD_BYTES).sum();
        }
        long records = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                records += entry.getSize() / CifarReader.RECORD_BYTES;
            }
        } catch (IOException e) {
            return -1;
        }
        return records;
    }

    /** Importing a damaged copy is refused before anything reaches the cache. */
    @Property(tries = IMPORT_CASES)
    void aRefusedImportLeavesTheCacheAsItWas(@ForAll("idxImages") byte[] images) throws IOException {
        Path copy = folder.resolve("mnist-copy");
        TestData.writeIdxFolder(copy, 2, 1);
        Files.write(copy.resolve(IdxReader.TRAIN_IMAGES + ".gz"), images);
        Path cache = folder.resolve("cache");
        DatasetCatalog catalog = new DatasetCatalog(cache, folder.resolve("not-installed"));
        new ReaderVerdict(DatasetException.class).check(List.of(copy), () -> {
            catalog.importFrom("mnist", copy);
            return true;
        }, imported -> false);
        assertEquals(List.of(), TestData.filesUnder(cache));
    }
}
