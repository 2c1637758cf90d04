/** Measurements of the communication layer: what one allreduce costs per transport, rank count and size. */
package org.scalelab.engine.parallel.bench;
