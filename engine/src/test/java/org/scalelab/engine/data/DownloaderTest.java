package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final byte[] BODY = new byte[300_000];

    static {
        new Random(5).nextBytes(BODY);
    }

    @TempDir
    Path target;

    private LoopbackServer server;
    private final Downloader downloader = new Downloader();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private RemoteFile remote(String path) throws Exception {
        return new RemoteFile("data.bin", server.url(path), hex("MD5", BODY), hex("SHA-256", BODY));
    }

    private void assertNothingLeftBehind() {
        assertEquals(List.of(), TestData.filesUnder(target));
    }

    @Test
    void downloadsVerifiesAndReportsProgressUpToTheTotal() throws Exception {
        server.serve("/data.bin", BODY);
        List<long[]> updates = new CopyOnWriteArrayList<>();

        Path saved = downloader.download(remote("/data.bin"), target,
                (file, done, total) -> updates.add(new long[] {done, total}), () -> false);

        assertEquals(target.resolve("data.bin"), saved);
        assertArrayEquals(BODY, Files.readAllBytes(saved));
        assertEquals(List.of(saved), TestData.filesUnder(target));
        long[] last = updates.get(updates.size() - 1);
        assertArrayEquals(new long[] {BODY.length, BODY.length}, last);
        assertEquals(0, updates.get(0)[0]);
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "progress never goes back");
        }
    }

    @Test
    void unknownLengthIsReportedAsMinusOne() throws Exception {
        server.handle("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        AtomicLong lastTotal = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();

        downloader.download(remote("/chunked"), target, (file, done, total) -> {
            lastDone.set(done);
            lastTotal.set(total);
        }, () -> false);

        assertEquals(-1, lastTotal.get());
        assertEquals(BODY.length, lastDone.get());
    }

    @Test
    void httpErrorNamesUrlAndStatus() throws Exception {
        server.handle("/missing", exchange -> LoopbackServer.status(exchange, 404));
        server.handle("/broken", exchange -> LoopbackServer.status(exchange, 500));

        for (String path : new String[] {"/missing", "/broken"}) {
            DatasetException e = assertThrows(DatasetException.class,
                    () -> downloader.download(remote(path), target, DownloadProgress.NONE, () -> false));
            String status = path.equals("/missing") ? "404" : "500";
            assertEquals("download of " + server.url(path) + " failed: HTTP " + status, e.getMessage());
        }
        assertNothingLeftBehind();
    }

    @Test
    void truncatedBodyIsRejected() throws Exception {
        server.handle("/short", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            OutputStream out = exchange.getResponseBody();
            out.write(BODY, 0, BODY.length / 3);
            out.flush();
            exchange.close();
        });

        DatasetException e = assertThrows(DatasetException.class,
                () -> downloader.download(remote("/short"), target, DownloadProgress.NONE, () -> false));

        assertTrue(e.getMessage().startsWith("download of " + server.url("/short") + " truncated: got "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" of 300,000 bytes"), e.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void checksumMismatchNamesFileAndBothSums() throws Exception {
        byte[] other = BODY.clone();
        other[1000] ^= 1;
        server.serve("/data.bin", other);
        RemoteFile expected = RemoteFile.withMd5(server.url("/"), "data.bin", hex("MD5", BODY));

        DatasetException e = assertThrows(DatasetException.class,
                () -> downloader.download(expected, target, DownloadProgress.NONE, () -> false));

        assertEquals("data.bin: checksum mismatch: expected md5 " + hex("MD5", BODY) + ", got " + hex("MD5", other)
                + " (downloaded from " + server.url("/data.bin") + ")", e.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void sha256IsCheckedToo() throws Exception {
        server.serve("/data.bin", BODY);
        RemoteFile wrongSha = new RemoteFile("data.bin", server.url("/data.bin"), hex("MD5", BODY), hex("SHA-256", new byte[1]));

        DatasetException e = assertThrows(DatasetException.class,
                () -> downloader.download(wrongSha, target, DownloadProgress.NONE, () -> false));

        assertTrue(e.getMessage().startsWith("data.bin: checksum mismatch: expected sha256 "), e.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        server.serve("/data.bin", BODY);
        AtomicLong received = new AtomicLong();

        assertThrows(DownloadCancelledException.class, () -> downloader.download(remote("/data.bin"), target,
                (file, done, total) -> received.set(done), () -> received.get() > 0));

        assertTrue(received.get() < BODY.length, "stopped before the end");
        assertNothingLeftBehind();
    }

    @Test
    void interruptingTheThreadCancelsAStalledDownload() throws Exception {
        CountDownLatch firstBytesSent = new CountDownLatch(1);
        CountDownLatch testDone = new CountDownLatch(1);
        server.handle("/stall", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            OutputStream out = exchange.getResponseBody();
            out.write(BODY, 0, 1000);
            out.flush();
            firstBytesSent.countDown();
            try {
                testDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicLong received = new AtomicLong();
        Thread downloading = new Thread(() -> {
            try {
                downloader.download(remote("/stall"), target, (file, done, total) -> received.set(done), () -> false);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        downloading.start();
        assertTrue(firstBytesSent.await(10, TimeUnit.SECONDS));
        while (received.get() == 0) {
            Thread.sleep(5);
        }

        downloading.interrupt();
        downloading.join(10_000);
        testDone.countDown();

        assertTrue(thrown.get() instanceof DownloadCancelledException, String.valueOf(thrown.get()));
        assertNothingLeftBehind();
    }

    @Test
    void unreachableServerNamesTheUrl() throws Exception {
        RemoteFile nowhere = remote("/x");
        server.close();

        DatasetException e = assertThrows(DatasetException.class,
                () -> downloader.download(nowhere, target, DownloadProgress.NONE, () -> false));

        assertTrue(e.getMessage().startsWith("download of " + nowhere.url() + " failed: "), e.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void aSecondDownloadReplacesTheFirstFile() throws Exception {
        server.serve("/data.bin", BODY);
        Files.write(target.resolve("data.bin"), new byte[] {1, 2, 3});

        downloader.download(remote("/data.bin"), target, DownloadProgress.NONE, () -> false);

        assertArrayEquals(BODY, Files.readAllBytes(target.resolve("data.bin")));
    }
}
