/**
 * Writing files so that a crash leaves them readable and truthful. Depends on no other ScaleLab package.
 */
package org.scalelab.engine.io;
