/**
 * Where a run's numbers come from: the machine, the native build and the ScaleLab version that made them, so
 * that two runs can be told apart when their figures differ. Depends on no other ScaleLab package.
 */
package org.scalelab.engine.provenance;
