/**
 * Scaling studies: a plan's grid of configurations with its serial baselines ({@link
 * org.scalelab.engine.studies.StudyGrid}), run cell by cell in JVMs of their own and resumable from any point
 * ({@link org.scalelab.engine.studies.StudyRunner}), and its figures, table, charts and report.
 */
package org.scalelab.engine.studies;
