package org.scalelab.engine.data;

import java.util.SplittableRandom;

/**
 * The order in which an epoch visits the training set: a permutation of 0..size-1 fixed by (seed, epoch),
 * so that a run can be repeated exactly and every parallel strategy sees the same sample order.
 */
public final class EpochOrder {

    private final int size;
    private final long seed;

    public EpochOrder(int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    public int size() {
        return size;
    }

    /** A fresh permutation for {@code epoch}: the same arguments always give the same order. */
    public int[] permutation(int epoch) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = randomFor(seed, epoch);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** A random stream of its own for every (seed, epoch): what an epoch draws does not depend on the epochs before. */
    public static SplittableRandom randomFor(long seed, int epoch) {
        return new SplittableRandom(mix(mix(seed) + epoch));
    }

    /**
     * Stafford's mix13. SplittableRandom streams seeded with s and s + k·gamma are the same stream shifted,
     * so seeds derived by simple addition would make neighbouring epochs' orders overlap; mixing prevents it.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
