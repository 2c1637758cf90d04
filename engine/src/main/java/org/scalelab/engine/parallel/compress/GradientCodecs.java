package org.scalelab.engine.parallel.compress;

import org.scalelab.engine.config.GradientCompression;

/** The codec of a compression scheme. */
public final class GradientCodecs {
    private GradientCodecs() {
    }

    /**
     * @param length the gradient's floats
     * @throws IllegalArgumentException for {@link GradientCompression#NONE}, which sends floats as they are
     */
    public static GradientCodec of(GradientCompression compression, int length) {
        int bytes = Math.toIntExact(compression.encodedBytes(length));
        return switch (compression.scheme()) {
            case FP16 -> new Fp16Codec(length);
            case INT8 -> new Int8Codec(length, bytes);
            case TOPK -> new TopKCodec(length, compression.keptEntries(length));
            case NONE -> throw new IllegalArgumentException("no codec: uncompressed gradients are summed as floats");
        };
    }
}
