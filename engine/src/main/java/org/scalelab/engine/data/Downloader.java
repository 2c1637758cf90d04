package org.scalelab.engine.data;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
     * Fetches {@code file} into {@code targetDir/file.fileName()}, replacing any file there. Progress is reported
     * on the calling thread.
     *
     * @param cancelled polled at least every 100 ms, even while the server sends nothing; interrupting the
     *                  calling thread cancels too
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
        ResponseEvents response = new ResponseEvents(file.fileName(), cancelled);
        CompletableFuture<HttpResponse<Void>> exchange =
                client.sendAsync(HttpRequest.newBuilder(file.url()).GET().build(), response);
        response.watch(exchange);
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            HttpResponse.ResponseInfo headers;
            try {
                headers = response.headers();
            } catch (IOException e) {
                throw cancelledOr(file, failure(file, describe(e), e));
            }
            if (headers.statusCode() != 200) {
                throw failure(file, "HTTP " + headers.statusCode(), null);
            }
            long total = headers.headers().firstValueAsLong("Content-Length").orElse(-1);
            Checksums sums = new Checksums(file);
            long done = 0;
            progress.update(file.fileName(), 0, total);
            List<ByteBuffer> buffers;
            while ((buffers = next(response, file, done, total)) != null) {
                for (ByteBuffer buffer : buffers) {
                    sums.update(buffer);
                    done += buffer.remaining();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                progress.update(file.fileName(), done, total);
            }
            if (total >= 0 && done != total) {
                throw truncated(file, done, total, null);
            }
            String mismatch = sums.mismatch();
            if (mismatch != null) {
                throw new DatasetException(file.fileName() + ": " + mismatch + " (downloaded from " + file.url() + ")");
            }
        } finally {
            response.stop();
            exchange.cancel(true);
        }
    }

    /** The next body buffers, or null at the end; a failure here means the body was cut short. */
    private static List<ByteBuffer> next(ResponseEvents response, RemoteFile file, long done, long total) {
        try {
            return response.nextBuffers();
        } catch (IOException e) {
            throw cancelledOr(file, truncated(file, done, total, e));
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

    /** A failure caused by interrupting the thread (a closed file channel, say) is a cancellation. */
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
