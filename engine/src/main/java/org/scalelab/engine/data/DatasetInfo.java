package org.scalelab.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * What a dataset is, independent of whether it is present.
 *
 * @param name        the catalog key, as typed on the command line ({@code fashion-mnist})
 * @param displayName for people ({@code Fashion-MNIST})
 * @param shape       shape of every image
 * @param classNames  one name per label, label {@code i} is {@code classNames.get(i)}
 * @param synthetic   true when the images are generated, not real
 * @param source      honestly where the data comes from
 */
public record DatasetInfo(String name, String displayName, ImageShape shape, List<String> classNames,
                          boolean synthetic, String source) {

    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(source, "source");
        classNames = List.copyOf(classNames);
        if (classNames.isEmpty() || classNames.size() > 256) {
            throw new IllegalArgumentException(name + ": class count must be 1..256 (labels are bytes), got "
                    + classNames.size());
        }
    }

    public int classCount() {
        return classNames.size();
    }
}
