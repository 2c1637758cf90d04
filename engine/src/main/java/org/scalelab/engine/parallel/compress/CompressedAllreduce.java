package org.scalelab.engine.parallel.compress;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * The sum of every rank's gradient, exchanged compressed: each rank encodes its gradient, the encoded forms are
 * gathered to every rank ({@link Communicator#allgather}), and each rank decodes and adds them in rank order.
 * Every rank adds the same decoded values in the same order, so all end with bit-identical sums and the replicas
 * stay identical. A compressed form cannot be summed on the way as a ring sums floats (half precision would be
 * rounded again at every hop; top-k pairs of different ranks name different entries), hence the gather: each
 * rank sends its encoded bytes to P−1 others.
 *
 * <p>Error feedback (on by default): what a rank did not send this step — the gradient less its decoded form — is
 * kept and added to its next gradient, so every part of the gradient is applied sooner or later (Seide et al.
 * 2014; Lin et al., "Deep Gradient Compression", 2018). Without it, top-k keeps dropping the same small entries
 * and their layers barely learn.
 *
 * <p>All buffers are allocated once, for the gradient's length; a step allocates nothing.
 */
public final class CompressedAllreduce {
    private final Communicator communicator;
    private final GradientCodec codec;
    private final boolean errorFeedback;
    private final int length;
    private final float[] corrected;
    private final float[] residual;
    private final float[] sum;
    private final ByteBuffer mine;
    private final ByteBuffer everyone;

    public CompressedAllreduce(Communicator communicator, GradientCompression compression, boolean errorFeedback,
                               int length) {
        this.communicator = communicator;
        this.codec = GradientCodecs.of(compression, length);
        this.errorFeedback = errorFeedback;
        this.length = length;
        this.corrected = new float[length];
        this.residual = new float[errorFeedback ? length : 0];
        this.sum = new float[length];
        this.mine = ByteBuffer.allocate(codec.encodedBytes()).order(ByteOrder.LITTLE_ENDIAN);
        this.everyone = ByteBuffer.allocate(codec.encodedBytes() * communicator.size()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes this rank contributes to each exchange. */
    public int encodedBytes() {
        return codec.encodedBytes();
    }

    /** Replaces {@code gradient} (the elements from its position, the length this was made for) by the sum. */
    public void sum(FloatBuffer gradient) {
        if (gradient.remaining() != length) {
            throw new IllegalArgumentException("made for " + length + " floats, given " + gradient.remaining());
        }
        gradient.get(gradient.position(), corrected, 0, length);
        encode();
        communicator.allgather(mine, everyone);
        Arrays.fill(sum, 0);
        for (int rank = 0; rank < communicator.size(); rank++) {
            codec.addDecoded(everyone, rank * codec.encodedBytes(), sum);
        }
        gradient.put(gradient.position(), sum, 0, length);
    }

    /**
     * Encodes the gradient plus the last residual into {@link #mine}, and keeps as the new residual what the
     * encoding loses: afterwards decoded + residual equals the corrected gradient, exactly (see the test).
     */
    private void encode() {
        if (errorFeedback) {
            for (int i = 0; i < length; i++) {
                corrected[i] += residual[i];
            }
        }
        codec.encode(corrected, mine, 0);
        if (errorFeedback) {
            Arrays.fill(sum, 0);
            codec.addDecoded(mine, 0, sum);
            for (int i = 0; i < length; i++) {
                residual[i] = corrected[i] - sum[i];
            }
        }
    }

    /** What was not sent yet, added to the next gradient; empty without error feedback. For tests. */
    float[] residual() {
        return residual;
    }
}
