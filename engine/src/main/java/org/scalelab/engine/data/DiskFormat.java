package org.scalelab.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How a downloadable dataset's files lie on disk, so one {@link StoredDataset} serves every format. */
enum DiskFormat {

    /** MNIST-style: the four IDX files, each gzip-compressed or not. */
    IDX(IdxReader::locate, (folder, info) -> IdxReader.readFolder(folder, info.shape(), info.classCount()),
            file -> file.getFileName().toString()),

    /** CIFAR-10 binary: the six batch files, or the archive holding them; the record size fixes the shape. */
    CIFAR(CifarReader::locate, (folderOrArchive, info) -> CifarReader.read(folderOrArchive),
            DiskFormat::cifarStoredName);

    private final Function<Path, List<Path>> locate;
    private final BiFunction<Path, DatasetInfo, TrainAndTest> read;
    private final Function<Path, String> storedName;

    DiskFormat(Function<Path, List<Path>> locate, BiFunction<Path, DatasetInfo, TrainAndTest> read,
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

    /** Reads and checks the dataset's files: their image shape and labels must be the dataset's. */
    TrainAndTest read(Path folderOrArchive, DatasetInfo info) {
        return read.apply(folderOrArchive, info);
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
