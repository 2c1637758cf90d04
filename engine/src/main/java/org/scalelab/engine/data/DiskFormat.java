package org.scalelab.engine.data;

import java.nio.file.Path;
import java.util.List;

/** How a downloadable dataset's files lie on disk, so one {@link StoredDataset} serves every format. */
enum DiskFormat {

    /** MNIST-style: the four IDX files, each gzip-compressed or not. */
    IDX {
        @Override
        List<Path> locate(Path folderOrArchive) {
            return IdxReader.locate(folderOrArchive);
        }

        @Override
        TrainAndTest read(Path folderOrArchive, int classCount) {
            return IdxReader.readFolder(folderOrArchive, classCount);
        }

        @Override
        String storedName(Path file) {
            return file.getFileName().toString();
        }
    },

    /** CIFAR-10 binary: the six batch files, or the archive holding them. */
    CIFAR {
        @Override
        List<Path> locate(Path folderOrArchive) {
            return CifarReader.locate(folderOrArchive);
        }

        @Override
        TrainAndTest read(Path folderOrArchive, int classCount) {
            return CifarReader.read(folderOrArchive);
        }

        /** An archive is stored under the name a download gives it, whatever the user called their copy. */
        @Override
        String storedName(Path file) {
            String name = file.getFileName().toString();
            return name.endsWith(".bin") ? name : CifarReader.ARCHIVE_NAME;
        }
    };

    /**
     * The files that hold the dataset.
     *
     * @throws DatasetException naming the folder and what it lacks
     */
    abstract List<Path> locate(Path folderOrArchive);

    abstract TrainAndTest read(Path folderOrArchive, int classCount);

    /** The name a located file gets when copied into the cache, where {@link #locate} must find it again. */
    abstract String storedName(Path file);
}
