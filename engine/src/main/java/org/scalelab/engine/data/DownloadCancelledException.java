package org.scalelab.engine.data;

/** The user cancelled a download; nothing partial was kept. */
public class DownloadCancelledException extends DatasetException {

    public DownloadCancelledException(String fileName) {
        super(fileName + ": download cancelled");
    }
}
