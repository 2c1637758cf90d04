package org.scalelab.engine.bench;

/** The link from host {@code from} to host {@code to}: one-way latency and bandwidth, as a {@link LinkProbe} measured. */
public record LinkTiming(String from, String to, double latencyMicros, double bandwidthGbps) {
}
