package org.scalelab.engine.predict;

import java.util.List;
import org.scalelab.engine.model.GradientBuckets.Bucket;

/**
 * When an overlapped allreduce's buckets are summed, against the backward pass that produces them: the backward pass
 * runs from the last layer down; bucket k is ready once the backward pass of its lowest layer has finished; one
 * communication thread sums the buckets in turn, each starting when it is ready and the one before it is done. What
 * the thread does before the backward pass ends is hidden; what is left after it, the step waits for. The last bucket
 * holds the first layer with parameters, so it is ready only when the backward pass ends: its allreduce is never
 * hidden.
 *
 * @param hiddenSeconds the buckets' allreduce while the backward pass still ran
 * @param waitedSeconds from the end of the backward pass to the end of the last bucket's allreduce
 */
public record OverlapSchedule(double hiddenSeconds, double waitedSeconds) {
    /**
     * A layer's backward pass as a share of its two passes: two products (the weights' and the input's gradient)
     * against the forward pass's one.
     */
    public static final double BACKWARD_SHARE = 2.0 / 3;

    /**
     * @param buckets       in the order they are sent (the last layer's first), as {@code GradientBuckets} cuts them
     * @param backward      each layer's backward pass in seconds, in forward order
     * @param communication each bucket's allreduce in seconds, in the order of {@code buckets}
     */
    public static OverlapSchedule of(List<Bucket> buckets, double[] backward, double[] communication) {
        // from the start of the backward pass: when each layer's backward pass ends
        double[] layerDone = new double[backward.length];
        double elapsed = 0;
        for (int layer = backward.length - 1; layer >= 0; layer--) {
            elapsed += backward[layer];
            layerDone[layer] = elapsed;
        }
        double backwardEnd = layerDone[buckets.get(buckets.size() - 1).lowestLayer()];
        double threadFree = 0;
        double total = 0;
        for (int k = 0; k < buckets.size(); k++) {
            threadFree = Math.max(threadFree, layerDone[buckets.get(k).lowestLayer()]) + communication[k];
            total += communication[k];
        }
        double waited = threadFree - backwardEnd;
        return new OverlapSchedule(total - waited, waited);
    }
}
