package org.scalelab.engine.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.io.AtomicFile;

/**
 * A network's trained parameters on disk: the magic {@code SLW1}, the parameter count (int32), then every
 * parameter as little-endian float32 in the network's flat order. Replaced whole ({@link AtomicFile}), so a reader
 * never sees half a file.
 */
public final class WeightsFile {
    private static final int MAGIC = 0x53_4C_57_31; // "SLW1"
    private static final int HEADER_BYTES = 8;

    private WeightsFile() {
    }

    public static void write(Path file, INDArray parameters) throws IOException {
        float[] values = parameters.toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(MAGIC).putInt(values.length);
        bytes.asFloatBuffer().put(values);
        bytes.rewind();
        AtomicFile.replace(file, bytes.array());
    }

    /** @throws IOException naming the file when it is not a weights file or is cut short */
    public static float[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < HEADER_BYTES || bytes.getInt() != MAGIC) {
            throw new IOException(file + ": not a ScaleLab weights file (expected the magic SLW1)");
        }
        int count = bytes.getInt();
        if (count < 0 || bytes.remaining() != 4L * count) {
            throw new IOException(file + ": header says " + count + " parameters but " + bytes.remaining()
                    + " bytes follow (expected " + 4L * count + ")");
        }
        float[] values = new float[count];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
