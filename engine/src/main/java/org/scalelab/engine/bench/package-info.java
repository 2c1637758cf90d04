/**
 * Benchmarks behind {@code scalelab bench}: raw model speed ({@link org.scalelab.engine.bench.ModelBenchmark}),
 * its split over the layers ({@link org.scalelab.engine.bench.LayerBenchmark}), how each parallel strategy
 * scales ({@link org.scalelab.engine.bench.ScalingBenchmark}) and what one allreduce costs per transport, rank
 * count and size ({@link org.scalelab.engine.bench.AllreduceBenchmark}).
 */
package org.scalelab.engine.bench;
