package org.scalelab.engine.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The ways a file gets damaged, as jqwik generators over valid contents: cut short, bytes overwritten, bytes
 * inserted or cut out, a 32-bit header field replaced by any value, replaced by noise; each also gzip-compressed,
 * and compressed streams cut short. Each case is one valid input and one damage drawn from a seed, so that a
 * failing case can be repeated.
 */
public final class Damage {

    /** What is done to a valid input. */
    public enum Kind {
        CUT_SHORT, BYTES_CHANGED, BYTES_INSERTED, BYTES_REMOVED, HEADER_FIELD_REPLACED, NOISE, GZIPPED_THEN_CUT,
        GZIPPED_DAMAGE
    }

    private Damage() {
    }

    /** Damaged copies of {@code valid} inputs. */
    public static Arbitrary<byte[]> of(Arbitrary<byte[]> valid) {
        return Combinators.combine(valid, Arbitraries.of(Kind.class), Arbitraries.longs())
                .as((bytes, kind, seed) -> apply(kind, bytes, new Random(seed)));
    }

    /** Damaged copies of valid text, edited as characters (then written as UTF-8 by the caller). */
    public static Arbitrary<String> ofText(Arbitrary<String> valid) {
        return Combinators.combine(valid, Arbitraries.integers().between(1, 4), Arbitraries.longs())
                .as((text, edits, seed) -> edit(text, edits, new Random(seed)));
    }

    static byte[] apply(Kind kind, byte[] valid, Random random) {
        return switch (kind) {
            case CUT_SHORT -> Arrays.copyOf(valid, valid.length == 0 ? 0 : random.nextInt(valid.length));
            case BYTES_CHANGED -> changed(valid, random);
            case BYTES_INSERTED -> inserted(valid, random);
            case BYTES_REMOVED -> removed(valid, random);
            case HEADER_FIELD_REPLACED -> headerFieldReplaced(valid, random);
            case NOISE -> noise(random, random.nextInt(400));
            case GZIPPED_THEN_CUT -> {
                byte[] gzipped = gzip(valid);
                yield Arrays.copyOf(gzipped, random.nextInt(gzipped.length));
            }
            case GZIPPED_DAMAGE -> gzip(apply(Kind.values()[random.nextInt(Kind.NOISE.ordinal() + 1)], valid, random));
        };
    }

    private static byte[] changed(byte[] valid, Random random) {
        byte[] copy = valid.length == 0 ? noise(random, 1) : valid.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] inserted(byte[] valid, Random random) {
        int at = random.nextInt(valid.length + 1);
        byte[] extra = noise(random, 1 + random.nextInt(64));
        ByteBuffer out = ByteBuffer.allocate(valid.length + extra.length);
        return out.put(valid, 0, at).put(extra).put(valid, at, valid.length - at).array();
    }

    private static byte[] removed(byte[] valid, Random random) {
        if (valid.length == 0) {
            return valid;
        }
        int from = random.nextInt(valid.length);
        int to = from + 1 + random.nextInt(Math.min(64, valid.length - from));
        ByteBuffer out = ByteBuffer.allocate(valid.length - (to - from));
        return out.put(valid, 0, from).put(valid, to, valid.length - to).array();
    }

    /** One of the first four big-endian int32 fields (magic, counts, sizes) set to any value, extremes likely. */
    private static byte[] headerFieldReplaced(byte[] valid, Random random) {
        byte[] copy = valid.length < 4 ? Arrays.copyOf(valid, 4) : valid.clone();
        int field = random.nextInt(Math.min(4, copy.length / 4));
        int[] extremes = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000, 60_000, 46_341};
        int value = random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : random.nextInt();
        ByteBuffer.wrap(copy).putInt(4 * field, value);
        return copy;
    }

    private static byte[] noise(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String edit(String text, int edits, Random random) {
        StringBuilder edited = new StringBuilder(text);
        String alphabet = "{}[]\":,0123456789-.eE ntrufalsxyz\\\u00e9\u0000\n";
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(edited.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> edited.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> {
                    if (at < edited.length()) {
                        edited.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < edited.length()) {
                        edited.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
            }
        }
        return edited.toString();
    }

    /** {@code data} gzip-compressed, as the readers' inputs often are. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
