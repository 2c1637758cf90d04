/** ScaleLab's JavaFX workbench. */
package org.scalelab.app;
