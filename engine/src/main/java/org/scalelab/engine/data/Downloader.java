package org.scalelab.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Downloads one file over HTTP(S), verifies its sums, and only then puts it in place. The bytes go to a hidden
 * temporary file beside the target, which is atomically renamed when complete and verified — so a failed,
 * truncated, mismatched or cancelled download leaves nothing behind, and a reader never sees half a file.
 */
public final class Downloader {

    private final HttpClient client;

    /** A client that follows redirects (mirrors use them) but never from HTTPS down to HTTP. */
    public Downloader() {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build());
    }

    public Downloader(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Fetches {@code file} into {@code targetDir/file.fileName()}, replacing any file there.
     *
     * @param cancelled polled between chunks; cancellation by interrupting the thread works too
     * @return the saved file
     * @throws DownloadCancelledException when cancelled
     * @throws DatasetException           naming the URL and the problem: HTTP status, truncated body,
     *                                    checksum mismatch, network or disk error
     */
    public Path download(RemoteFile file, Path targetDir, DownloadProgress progress, BooleanSupplier cancelled) {
        Path target = targetDir.resolve(file.fileName());
        Path partial = null;
        try {
            Files.createDirectories(targetDir);
            partial = Files.createTempFile(targetDir, "." + file.fileName() + ".", ".part");
            fetch(file, partial, progress, cancelled);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return target;
        } catch (IOException e) {
            throw cancelledOr(file, new DatasetException("cannot save " + file.fileName() + " in " + targetDir + ": "
                    + describe(e), e));
        } finally {
            deleteQuietly(partial);
        }
    }

    private void fetch(RemoteFile file, Path partial, DownloadProgress progress, BooleanSupplier cancelled)
            throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(file.url()).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadCancelledException(file.fileName());
        } catch (IOException e) {
            throw cancelledOr(file, failure(file, describe(e), e));
        }
        try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(partial)) {
            if (response.statusCode() != 200) {
                throw failure(file, "HTTP " + response.statusCode(), null);
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Checksums sums = new Checksums(file);
            byte[] buffer = new byte[Streams.BUFFER_BYTES];
            long done = 0;
            progress.update(file.fileName(), 0, total);
            while (true) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new DownloadCancelledException(file.fileName());
                }
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw cancelledOr(file, truncated(file, done, total, e));
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                sums.update(buffer, 0, n);
                done += n;
                progress.update(file.fileName(), done, total);
            }
            if (total >= 0 && done != total) {
                throw truncated(file, done, total, null);
            }
            String mismatch = sums.mismatch();
            if (mismatch != null) {
                throw new DatasetException(file.fileName() + ": " + mismatch + " (downloaded from " + file.url() + ")");
            }
        }
    }

    private static DatasetException failure(RemoteFile file, String problem, Throwable cause) {
        return new DatasetException("download of " + file.url() + " failed: " + problem, cause);
    }

    private static DatasetException truncated(RemoteFile file, long done, long total, Throwable cause) {
        String expected = total >= 0 ? " of " + Text.count(total) : "";
        return new DatasetException("download of " + file.url() + " truncated: got " + Text.count(done) + expected
                + " bytes", cause);
    }

    /** An I/O failure caused by interrupting the thread is a cancellation, not an error to report. */
    private static DatasetException cancelledOr(RemoteFile file, DatasetException failure) {
        return Thread.currentThread().isInterrupted() ? new DownloadCancelledException(file.fileName()) : failure;
    }

    /** Some network exceptions carry no message; their type then says what happened. */
    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // A leftover hidden .part file is harmless; the original failure is what the user needs to see.
        }
    }
}
