/**
 * A calibrated performance model of data-parallel training: each layer's time fitted against the per-worker batch,
 * each transport's latency, bandwidth and reduction cost fitted from allreduce sweeps, the collectives as ScaleLab
 * runs them, the wait for the slowest worker, and hosts joined by a network; it predicts a step's time, throughput,
 * speedup and efficiency for configurations this machine can run and for those it cannot. The equations are in
 * {@code docs/SCALING-MODEL.md}.
 */
package org.scalelab.engine.predict;
