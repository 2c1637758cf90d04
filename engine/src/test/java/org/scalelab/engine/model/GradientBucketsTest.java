package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.model.GradientBuckets.Bucket;

/**
 * mlp-235k's layers: flatten, dense 784→256 (200,960 floats), relu, dense 256→128 (32,896), relu, dense 128→10
 * (1,290); in the flat buffer at 0, 200,960 and 233,856.
 */
class GradientBucketsTest {
    private static final List<Integer> MLP = List.of(0, 200_960, 0, 32_896, 0, 1_290);

    @Test
    void bucketsFillFromTheLastLayerBackAndCloseOnceTheyReachTheCap() {
        // 64 kB = 16,384 floats: the last dense (1,290) is too small alone, with the middle one (34,186) it is enough
        assertEquals(List.of(new Bucket(200_960, 235_146, 3), new Bucket(0, 200_960, 1)), GradientBuckets.of(MLP, 64));
        // 1 kB: every layer with parameters makes a bucket of its own
        assertEquals(List.of(new Bucket(233_856, 235_146, 5), new Bucket(200_960, 233_856, 3), new Bucket(0, 200_960, 1)),
                GradientBuckets.of(MLP, 1));
        // 1,024 kB holds the whole 940,584 bytes: one bucket, ready only when the backward pass ends
        assertEquals(List.of(new Bucket(0, 235_146, 1)), GradientBuckets.of(MLP, 1024));
    }

    @Test
    void theBucketsOfARealNetworkCoverItsGradientsOnce() {
        List<Layer> layers = Presets.find("cnn-1m").orElseThrow().buildLayers(0);
        List<Bucket> buckets = GradientBuckets.ofLayers(layers, 256);
        int next = layers.stream().mapToInt(Layer::parameterCount).sum();
        for (Bucket bucket : buckets) {
            assertEquals(next, bucket.to(), "buckets adjoin, from the end of the buffer down");
            next = bucket.from();
        }
        assertEquals(0, next);
        // 256 kB: the two dense layers (2,570 + 1,048,832 floats) then the two convolutions (18,496 + 896)
        assertEquals(2, buckets.size());
        assertEquals(19_392 * 4L, buckets.get(1).bytes());
    }

    @Test
    void aCapBelowOneKilobyteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GradientBuckets.of(MLP, 0));
    }
}
