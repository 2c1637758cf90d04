package org.scalelab.engine.parallel.compress;

import java.nio.ByteBuffer;

/**
 * Encodes a flat gradient of a fixed length into a compact byte form and adds that form's decoded values into a
 * dense array. A codec keeps scratch space between calls (a training step encodes once), so it belongs to one
 * worker's thread.
 */
public interface GradientCodec {

    /** The bytes {@link #encode} writes, the same for every call. */
    int encodedBytes();

    /** Writes the encoded {@code values} (the codec's length of them) at {@code out[at, at + encodedBytes())}. */
    void encode(float[] values, ByteBuffer out, int at);

    /** Adds the values encoded at {@code in[at, at + encodedBytes())} into {@code into}. */
    void addDecoded(ByteBuffer in, int at, float[] into);
}
