package org.scalelab.engine.data;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A file to download and the sums that prove it arrived intact. At least one sum is required: an
 * unverifiable download is never accepted.
 *
 * @param fileName the name it is saved under
 * @param url      where to fetch it
 * @param md5      expected MD5 in hex, or null
 * @param sha256   expected SHA-256 in hex, or null
 */
public record RemoteFile(String fileName, URI url, String md5, String sha256) {

    public RemoteFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(url, "url");
        if (md5 == null && sha256 == null) {
            throw new IllegalArgumentException(fileName + ": a download needs an MD5 or SHA-256 sum");
        }
        md5 = md5 == null ? null : md5.toLowerCase(Locale.ROOT);
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
    }

    /** The file {@code fileName} under {@code baseUrl} (which should end with a slash), checked by MD5. */
    public static RemoteFile withMd5(URI baseUrl, String fileName, String md5) {
        return new RemoteFile(fileName, baseUrl.resolve(fileName), md5, null);
    }
}
