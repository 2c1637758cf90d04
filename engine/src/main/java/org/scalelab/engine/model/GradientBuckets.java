package org.scalelab.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's gradients cut into buckets for an overlapped allreduce, as PyTorch DDP cuts them: whole layers,
 * taken from the last layer back (the order the backward pass produces them in), a bucket closing once it holds at
 * least the cap. The flat gradient buffer keeps the layers in forward order, so every bucket is one contiguous range
 * of it. A layer larger than the cap makes a bucket of its own (with the layers after it still open).
 */
public final class GradientBuckets {
    private GradientBuckets() {
    }

    /**
     * One bucket: floats {@code [from, to)} of the flat gradient buffer, complete once the backward pass of layer
     * {@code lowestLayer} (the first of its layers in forward order) has finished.
     */
    public record Bucket(int from, int to, int lowestLayer) {
        public int floats() {
            return to - from;
        }

        public long bytes() {
            return (long) Float.BYTES * floats();
        }
    }

    /**
     * @param parameterCounts every layer's parameters, in forward order (0 for layers without any)
     * @param capKb           a bucket closes once it holds at least this many kB (1,024 bytes each)
     * @return the buckets in the order they complete: the one holding the last layer first
     */
    public static List<Bucket> of(List<Integer> parameterCounts, int capKb) {
        if (capKb < 1) {
            throw new IllegalArgumentException("a bucket's cap must be at least 1 kB, got " + capKb);
        }
        long capBytes = 1024L * capKb;
        int[] offsets = new int[parameterCounts.size() + 1];
        for (int i = 0; i < parameterCounts.size(); i++) {
            offsets[i + 1] = offsets[i] + parameterCounts.get(i);
        }
        List<Bucket> buckets = new ArrayList<>();
        int to = -1;
        int lowest = -1;
        for (int layer = parameterCounts.size() - 1; layer >= 0; layer--) {
            if (parameterCounts.get(layer) == 0) {
                continue;
            }
            to = to < 0 ? offsets[layer + 1] : to;
            lowest = layer;
            if ((long) Float.BYTES * (to - offsets[layer]) >= capBytes) {
                buckets.add(new Bucket(offsets[layer], to, layer));
                to = -1;
            }
        }
        if (to >= 0) {
            buckets.add(new Bucket(offsets[lowest], to, lowest));
        }
        return List.copyOf(buckets);
    }

    /** The buckets of {@code layers}. */
    public static List<Bucket> ofLayers(List<? extends Layer> layers, int capKb) {
        return of(layers.stream().map(Layer::parameterCount).toList(), capKb);
    }
}
