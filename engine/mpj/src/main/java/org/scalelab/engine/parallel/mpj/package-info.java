/**
 * Everything that links to MPJ Express ({@code mpi.*}): the communicator over {@code mpi.Intracomm} and the
 * entry points of a rank, for niodev child JVMs and for smpdev rank threads.
 */
package org.scalelab.engine.parallel.mpj;
