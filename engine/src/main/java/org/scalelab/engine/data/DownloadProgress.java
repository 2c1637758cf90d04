package org.scalelab.engine.data;

/** Told as a download proceeds; called on the downloading thread, so keep it quick. */
@FunctionalInterface
public interface DownloadProgress {

    /** Ignores all updates. */
    DownloadProgress NONE = (file, bytesDone, bytesTotal) -> { };

    /**
     * @param file       the file name being downloaded
     * @param bytesDone  bytes received so far
     * @param bytesTotal the expected size, or -1 when the server does not say
     */
    void update(String file, long bytesDone, long bytesTotal);
}
