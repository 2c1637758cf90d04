/**
 * Where a run's numbers come from: the machine, the native build and the ScaleLab version that made them, so
 * that two runs can be told apart when their figures differ. Depends only on {@code config} (where files go).
 */
package org.scalelab.engine.provenance;
