package org.scalelab.engine.config;

/**
 * Which machines a run's processes go to, and what they may ask of them.
 *
 * @param hosts              a host file (one host per line, optional {@code slots=N}) to spread MPJ ranks over
 *                           machines; null keeps every rank on this machine, listening on loopback only
 * @param rankTimeout        seconds an MPJ rank may stay silent, or all ranks without progress, before the run
 *                           fails; 0 for automatic (the larger of 30 s and 10 times the slowest step so far)
 * @param allowOversubscribe start even when the workers exceed what the machine can hold
 */
public record Placement(String hosts, int rankTimeout, boolean allowOversubscribe) {
}
