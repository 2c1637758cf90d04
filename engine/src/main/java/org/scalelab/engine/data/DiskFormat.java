package org.scalelab.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How a downloadable dataset's files lie on disk, so one {@link StoredDataset} serves every format. */
enum DiskFormat {

    /** MNIST-style: the four IDX files, each gzip-compressed or not. */
    IDX(IdxReader::locate, IdxReader::readFolder, file -> file.getFileName().toString()),

    /** CIFAR-10 binary: the six batch files, or the archive holding them. */
    CIFAR(CifarReader::locate, (folderOrArchive, classCount) -> CifarReader.read(folderOrArchive),
            DiskFormat::cifarStoredName);

    private final Function<Path, List<Path>> locate;
    private final BiFunction<Path, Integer, TrainAndTest> read;
    private final Function<Path, String> storedName;

    DiskFormat(Function<Path, List<Path>> locate, BiFunction<Path, Integer, TrainAndTest> read,
               Function<Path, String> storedName) {
        this.locate = locate;
        this.read = read;
        this.storedName = storedName;
    }

    /**
     * The files that hold the dataset.
     *
     * @throws DatasetException naming the folder and what it lacks
     */
    List<Path> locate(Path folderOrArchive) {
        return locate.apply(folderOrArchive);
    }

    TrainAndTest read(Path folderOrArchive, int classCount) {
        return read.apply(folderOrArchive, classCount);
    }

    /** The name a located file gets when copied into the cache, where {@link #locate} must find it again. */
    String storedName(Path file) {
        return storedName.apply(file);
    }

    /** An archive is stored under the name a download gives it, whatever the user called their copy. */
    private static String cifarStoredName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".bin") ? name : CifarReader.ARCHIVE_NAME;
    }
}
