/** ScaleLab's training engine. */
package org.scalelab.engine;
