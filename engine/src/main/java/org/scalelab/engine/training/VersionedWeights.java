package org.scalelab.engine.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Asynchronous SGD's one message, both ways: a version of the server's weights, a count, and a network's worth of
 * floats. A push carries a gradient, the version of the weights it was computed on and its images; the server's
 * answer carries its weights, their version, and whether it applied the gradient (1) or refused it (0). Little
 * endian whatever the machines (x86 and ARM alike read it without swapping bytes).
 */
final class VersionedWeights {
    private static final int VERSION_AT = 0;
    private static final int COUNT_AT = Long.BYTES;
    private static final int HEADER_BYTES = 16;

    private final ByteBuffer bytes;
    private final FloatBuffer floats;

    /** @param length floats of the network's parameters (and so of its gradient) */
    VersionedWeights(int length) {
        this.bytes = ByteBuffer.allocate(HEADER_BYTES + Float.BYTES * length).order(ByteOrder.LITTLE_ENDIAN);
        this.floats = bytes.slice(HEADER_BYTES, Float.BYTES * length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    /** The whole message, to send or to receive into. */
    ByteBuffer bytes() {
        return bytes;
    }

    /** Sets the message: a version, a count and every float of {@code values} (from its position to its limit). */
    void write(long version, int count, FloatBuffer values) {
        bytes.putLong(VERSION_AT, version);
        bytes.putInt(COUNT_AT, count);
        floats.put(0, values, values.position(), values.remaining());
    }

    long version() {
        return bytes.getLong(VERSION_AT);
    }

    int count() {
        return bytes.getInt(COUNT_AT);
    }

    /** Copies the message's floats into {@code values} (from its position). */
    void readInto(FloatBuffer values) {
        values.put(values.position(), floats, 0, floats.limit());
    }
}
