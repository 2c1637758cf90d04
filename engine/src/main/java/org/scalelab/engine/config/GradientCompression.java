package org.scalelab.engine.config;

import java.util.Locale;

/**
 * How the workers of a gradient-summing strategy compress their gradients before exchanging them: not at all,
 * to half precision, to 8-bit integers with a scale per chunk, or to the largest {@code fraction} of the entries
 * by magnitude (top-k). Written {@code none}, {@code fp16}, {@code int8}, {@code topk:0.01}.
 *
 * @param scheme   the kind of compression
 * @param fraction {@link Scheme#TOPK}: the share of the entries sent, in (0, 1]; 0 for the other schemes
 */
public record GradientCompression(Scheme scheme, double fraction) {
    /** Every gradient sent as it is, in float32. */
    public static final GradientCompression NONE = new GradientCompression(Scheme.NONE, 0);
    /** How the option's help and messages write the choices. */
    public static final String CHOICES = "none, fp16, int8 or topk:FRACTION with 0 < FRACTION ≤ 1";
    /** Entries of an int8 chunk, which share one scale: small enough to follow the gradient's local range. */
    public static final int INT8_CHUNK = 256;

    /** The kinds of compression. */
    public enum Scheme {
        /** float32, as computed. */
        NONE,
        /** IEEE half precision: 2 bytes an entry, relative error at most 2⁻¹¹ in half's normal range. */
        FP16,
        /** One byte an entry, each chunk scaled by its largest magnitude over 127, plus a float scale a chunk. */
        INT8,
        /** The k largest magnitudes as (index, value) pairs, 8 bytes each; the rest not sent. */
        TOPK
    }

    /**
     * Reads {@code none}, {@code fp16}, {@code int8} or {@code topk:FRACTION}.
     *
     * @throws IllegalArgumentException when the text is none of these, or top-k's fraction is not in (0, 1]
     */
    public static GradientCompression parse(String text) {
        String id = text.strip().toLowerCase(Locale.ROOT);
        if (id.startsWith("topk:")) {
            double fraction = Double.parseDouble(id.substring("topk:".length()));
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("top-k's fraction must be in (0, 1]");
            }
            return new GradientCompression(Scheme.TOPK, fraction);
        }
        Scheme scheme = CommandLineIds.find(Scheme.class, id).filter(found -> found != Scheme.TOPK).orElseThrow();
        return new GradientCompression(scheme, 0);
    }

    /** Whether the receivers get less than was computed, so that error feedback has something to keep. */
    public boolean lossy() {
        return scheme != Scheme.NONE;
    }

    /** How many of {@code length} entries top-k sends: the fraction rounded up, at least one. */
    public int keptEntries(int length) {
        return Math.max(1, Math.min(length, (int) Math.ceil(fraction * length)));
    }

    /** How many decoded entries a rank adds per rank it hears from: all of them, or top-k's kept ones. */
    public int addedEntries(int length) {
        return scheme == Scheme.TOPK ? keptEntries(length) : length;
    }

    /** The bytes a worker contributes for a gradient of {@code length} floats, as the codecs encode it. */
    public long encodedBytes(int length) {
        return switch (scheme) {
            case NONE -> (long) Float.BYTES * length;
            case FP16 -> 2L * length;
            case INT8 -> length + (long) Float.BYTES * ((length + INT8_CHUNK - 1) / INT8_CHUNK);
            case TOPK -> (long) (Integer.BYTES + Float.BYTES) * keptEntries(length);
        };
    }

    /** As it is typed: {@code fp16}, {@code topk:0.01}. */
    @Override
    public String toString() {
        if (scheme == Scheme.TOPK) {
            String plain = java.math.BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString();
            return "topk:" + plain;
        }
        return CommandLineIds.of(scheme);
    }
}
