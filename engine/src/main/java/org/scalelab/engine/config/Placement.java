package org.scalelab.engine.config;

/**
 * Which machines a run's processes go to.
 *
 * @param hosts a host file (one host per line, optional {@code slots=N}) to spread MPJ ranks over machines;
 *              null keeps every rank on this machine, listening on loopback only
 */
public record Placement(String hosts) {
}
