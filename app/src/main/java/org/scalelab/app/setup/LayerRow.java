package org.scalelab.app.setup;

/** One row of the architecture table: a layer's position, kind, output shape and trainable parameters. */
public record LayerRow(int position, String kind, String outputShape, int parameters) {
}
