package org.scalelab.engine.data;

/** The catalog entry for {@link SyntheticCifar} at its default size and seed: always available, never on disk. */
final class GeneratedSyntheticCifar implements DatasetSource {

    @Override
    public DatasetInfo info() {
        return SyntheticCifar.INFO;
    }

    @Override
    public DatasetStatus status() {
        return DatasetStatus.EMBEDDED;
    }

    @Override
    public long bytesOnDisk() {
        return 0;
    }

    @Override
    public Dataset load() {
        return SyntheticCifar.generate(SyntheticCifar.DEFAULT_TRAIN, SyntheticCifar.DEFAULT_TEST,
                SyntheticCifar.DEFAULT_SEED);
    }
}
