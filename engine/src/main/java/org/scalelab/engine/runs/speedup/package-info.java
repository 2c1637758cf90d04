/**
 * Speedup defined once: how fast a run trained once warm ({@link org.scalelab.engine.runs.speedup.Throughput}),
 * how that compares with a serial run ({@link org.scalelab.engine.runs.speedup.Speedup}), and which saved serial
 * runs may serve as a run's baseline ({@link org.scalelab.engine.runs.speedup.Baselines}). The workbench and
 * {@code scalelab bench scaling} both compute their figures here, so they cannot disagree on what a speedup is.
 */
package org.scalelab.engine.runs.speedup;
