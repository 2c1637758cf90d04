/**
 * The baseline a speedup is measured against, named wherever a speedup is shown and open to change: the choice
 * ({@link org.scalelab.app.baseline.BaselineChoice}) and its control ({@link org.scalelab.app.baseline.BaselineChooser}),
 * used by the live view and the comparison.
 */
package org.scalelab.app.baseline;
