package org.scalelab.app.text;

import org.scalelab.engine.config.TrainingConfig;

/** How a configuration is named in titles, legends and tables. */
public final class RunLabels {
    private RunLabels() {
    }

    /** "mlp-235k on mnist-mini · hybrid 2P×2T". */
    public static String describe(TrainingConfig config) {
        return config.model().label() + " on " + config.data().dataset() + " · " + config.parallelism().label();
    }
}
