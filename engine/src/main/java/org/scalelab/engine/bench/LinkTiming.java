package org.scalelab.engine.bench;

/**
 * The link from host {@code from} to host {@code to}, as a {@link LinkProbe} measured it: one-way latency, bandwidth
 * one way, and each direction's bandwidth while both are busy.
 */
public record LinkTiming(String from, String to, double latencyMicros, double bandwidthGbps, double bothWaysGbps) {
}
