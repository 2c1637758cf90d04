/**
 * Datasets: labelled uint8 images ({@link org.scalelab.engine.data.ImageSet}), the catalog of known sets and
 * where they come from ({@link org.scalelab.engine.data.DatasetCatalog}), readers for the IDX and CIFAR-10
 * binary formats, verified downloads, and the training-loop side: normalisation, augmentation, batch
 * assembly and epoch order.
 */
package org.scalelab.engine.data;
