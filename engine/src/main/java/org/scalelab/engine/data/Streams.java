package org.scalelab.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Stream helpers shared by the readers. */
final class Streams {

    /** Large buffers: the readers pull tens of megabytes through here. */
    static final int BUFFER_BYTES = 1 << 16;
    /** Big enough for a whole MNIST training set (47 MB) in one allocation. */
    private static final int INITIAL_CAPACITY = 1 << 26;

    private Streams() {
    }

    /**
     * A buffered stream of the decoded bytes: gunzipped if the first two bytes are the gzip magic 1f 8b,
     * else as is — users hand us both {@code .gz} files and unpacked ones.
     */
    static InputStream decodeIfCompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER_BYTES), BUFFER_BYTES);
        }
        return buffered;
    }

    /**
     * Reads until {@code length} bytes or the end, and returns how many arrived. A gzip stream cut short
     * ends with an {@link EOFException} rather than -1; both mean "truncated here", which the caller words.
     */
    static int readUpTo(InputStream in, byte[] target, int offset, int length) throws IOException {
        int done = 0;
        try {
            while (done < length) {
                int n = in.read(target, offset + done, length - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
        } catch (EOFException endedEarly) {
            // The count so far is the answer.
        }
        return done;
    }

    /**
     * Reads up to {@code length} bytes and returns exactly those that arrived. Memory grows with the data
     * rather than with {@code length}, so a corrupt header that claims gigabytes cannot exhaust the heap.
     */
    static byte[] readAtMost(InputStream in, int length) throws IOException {
        byte[] data = new byte[Math.min(length, INITIAL_CAPACITY)];
        int done = 0;
        while (true) {
            done += readUpTo(in, data, done, data.length - done);
            if (done < data.length || data.length == length) {
                return done == data.length ? data : Arrays.copyOf(data, done);
            }
            data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
        }
    }

    /** Bytes left in the stream, counted without keeping them (0 when what is left is a cut-off gzip tail). */
    static long remaining(InputStream in) throws IOException {
        try {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (EOFException endedEarly) {
            return 0;
        }
    }
}
