/**
 * Benchmarks behind {@code scalelab bench}: raw model speed ({@link org.scalelab.engine.bench.ModelBenchmark}),
 * its split over the layers ({@link org.scalelab.engine.bench.LayerBenchmark}) and how each parallel strategy
 * scales ({@link org.scalelab.engine.bench.ScalingBenchmark}). The allreduce benchmark lives with the
 * communicators it measures, in {@code org.scalelab.engine.parallel.bench}.
 */
package org.scalelab.engine.bench;
