/**
 * Starting and supervising the ranks of a parallel job. A {@link org.scalelab.engine.parallel.launch.RankTask}
 * says what each rank runs; {@link org.scalelab.engine.parallel.launch.RankDevice} says where ranks live:
 * threads of this JVM in shared memory, threads on MPJ Express's smpdev, or child JVMs on its niodev, which
 * this package launches itself (no mpjrun, no daemons). Nothing here links to MPJ: the classes that do are in
 * the optional scalelab-mpj module, named by class name and found through
 * {@link org.scalelab.engine.parallel.launch.MpjInstallation}.
 */
package org.scalelab.engine.parallel.launch;
