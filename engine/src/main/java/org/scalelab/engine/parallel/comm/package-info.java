/**
 * Collective communication between the ranks of a parallel job, on one flat float buffer at a time (a
 * network's parameters or gradients): the {@link org.scalelab.engine.parallel.comm.Communicator} interface,
 * its shared-memory implementation for threads of one JVM, and the ring allreduce that the MPJ communicator
 * (module scalelab-mpj) runs over MPJ's point-to-point messages or, between processes on one machine, over
 * memory-mapped outboxes ({@link org.scalelab.engine.parallel.comm.SharedMemoryRingLink}).
 */
package org.scalelab.engine.parallel.comm;
