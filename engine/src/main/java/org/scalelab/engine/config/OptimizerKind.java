package org.scalelab.engine.config;

import java.util.Locale;

/** Which update rule turns gradients into parameter changes. */
public enum OptimizerKind {
    /** Plain mini-batch SGD: {@code p -= lr·g}. */
    SGD,
    /** SGD with (heavy-ball) momentum, as PyTorch's {@code SGD(momentum=…)}. */
    MOMENTUM,
    /** Adam with bias correction, as PyTorch's {@code Adam}. */
    ADAM;

    /** Lower case: the spelling used on the command line and in JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
