package org.scalelab.engine.training.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Flat float buffers (parameters, velocities, moments) in a checkpoint: their length, then their values, bit for
 * bit, so that training resumed from them goes on exactly as it would have.
 */
public final class StateArrays {
    private StateArrays() {
    }

    public static void write(DataOutput out, INDArray buffer) throws IOException {
        float[] values = buffer.toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * values.length);
        bytes.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(bytes.array());
    }

    /**
     * Overwrites {@code buffer} with the values {@link #write} wrote.
     *
     * @throws IOException when the saved length is not the buffer's (a checkpoint of another network)
     */
    public static void read(DataInput in, INDArray buffer) throws IOException {
        int length = in.readInt();
        if (length != buffer.length()) {
            throw new IOException("holds " + length + " values where this network has " + buffer.length());
        }
        byte[] bytes = new byte[Float.BYTES * length];
        in.readFully(bytes);
        float[] values = new float[length];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        buffer.assign(Nd4j.createFromArray(values).reshape(buffer.shape()));
    }
}
