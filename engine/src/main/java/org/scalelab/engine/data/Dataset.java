package org.scalelab.engine.data;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/** A loaded dataset: its description plus the training and test images. */
public record Dataset(DatasetInfo info, ImageSet train, ImageSet test) {

    public Dataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        for (ImageSet split : new ImageSet[] {train, test}) {
            if (!split.shape().equals(info.shape()) || split.classCount() != info.classCount()) {
                throw new IllegalArgumentException(info.name() + ": split of " + split.shape() + " with "
                        + split.classCount() + " classes does not match " + info.shape() + " with "
                        + info.classCount() + " classes");
            }
        }
    }

    /**
     * The content checksum of the images and labels as loaded, {@code sha256:} and 64 hex digits: the same for
     * the same data whichever files or format it was read from, and different when one pixel or label differs.
     * Each split's digest is computed once per load, so a second run on a loaded dataset costs nothing.
     */
    public String checksum() {
        MessageDigest sha256 = Checksums.digest("SHA-256");
        sha256.update(train.digest());
        sha256.update(test.digest());
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
