package org.scalelab.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes, in one pass over the bytes, the sums a {@link RemoteFile} expects, and compares them. */
final class Checksums {

    private final RemoteFile expected;
    private final MessageDigest md5;
    private final MessageDigest sha256;

    Checksums(RemoteFile expected) {
        this.expected = expected;
        this.md5 = expected.md5() == null ? null : digest("MD5");
        this.sha256 = expected.sha256() == null ? null : digest("SHA-256");
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** Adds the buffer's remaining bytes, leaving its position where it was. */
    void update(ByteBuffer bytes) {
        if (md5 != null) {
            md5.update(bytes.duplicate());
        }
        if (sha256 != null) {
            sha256.update(bytes.duplicate());
        }
    }

    /** What differs, as {@code checksum mismatch: expected md5 …, got …}, or null when everything matches. */
    String mismatch() {
        String problem = compare("md5", expected.md5(), md5);
        return problem != null ? problem : compare("sha256", expected.sha256(), sha256);
    }

    private static String compare(String algorithm, String expectedHex, MessageDigest digest) {
        if (digest == null) {
            return null;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        return actual.equals(expectedHex) ? null
                : "checksum mismatch: expected " + algorithm + " " + expectedHex + ", got " + actual;
    }

    /** True when {@code file} exists and has the expected sums: lets a repeated download skip finished files. */
    static boolean matches(RemoteFile expected, Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Checksums sums = new Checksums(expected);
        byte[] buffer = new byte[Streams.BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sums.update(ByteBuffer.wrap(buffer, 0, n));
            }
        } catch (IOException e) {
            return false;
        }
        return sums.mismatch() == null;
    }
}
