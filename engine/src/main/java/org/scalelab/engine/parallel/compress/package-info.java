/**
 * Gradient compression for the exchange between workers: a codec per scheme (half precision, 8-bit integers
 * with a scale per chunk, top-k entries) and the compressed allreduce that gathers every worker's encoded
 * gradient and sums the decoded ones, with error feedback keeping what was not sent.
 */
package org.scalelab.engine.parallel.compress;
