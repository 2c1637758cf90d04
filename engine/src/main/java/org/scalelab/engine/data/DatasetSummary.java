package org.scalelab.engine.data;

/** One row of the catalog listing: what a dataset is, whether it is here, and how much disk it takes. */
public record DatasetSummary(DatasetInfo info, DatasetStatus status, long bytesOnDisk) {
}
