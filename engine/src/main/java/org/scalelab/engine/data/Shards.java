package org.scalelab.engine.data;

/**
 * Splits n items into P contiguous parts whose sizes differ by at most one: the first {@code n % P} parts
 * get one item more. No item is dropped or repeated, so P workers together see exactly the batch one worker
 * would. For a slice {@code [from, from + count)} of a larger array, part i starts at
 * {@code from + partStart(count, P, i)}.
 */
public final class Shards {

    private Shards() {
    }

    /** The size of every part, in order. */
    public static int[] partSizes(int n, int parts) {
        int[] sizes = new int[checkParts(n, parts)];
        for (int i = 0; i < parts; i++) {
            sizes[i] = partSize(n, parts, i);
        }
        return sizes;
    }

    /** Where part {@code index} starts: the sum of the sizes before it. */
    public static int partStart(int n, int parts, int index) {
        checkIndex(n, parts, index);
        return index * (n / parts) + Math.min(index, n % parts);
    }

    public static int partSize(int n, int parts, int index) {
        checkIndex(n, parts, index);
        return n / parts + (index < n % parts ? 1 : 0);
    }

    private static void checkIndex(int n, int parts, int index) {
        if (index < 0 || index >= checkParts(n, parts)) {
            throw new IndexOutOfBoundsException("part " + index + " of " + parts);
        }
    }

    private static int checkParts(int n, int parts) {
        if (n < 0 || parts < 1) {
            throw new IllegalArgumentException("cannot split " + n + " items into " + parts + " parts");
        }
        return parts;
    }
}
