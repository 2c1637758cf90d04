/**
 * The shared vocabulary at the bottom of the engine: what a training run is asked to do ({@link
 * org.scalelab.engine.config.TrainingConfig}), every option that sets it, declared once, and the strategies'
 * rules. Depends on no other ScaleLab package.
 */
package org.scalelab.engine.config;
