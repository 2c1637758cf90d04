package org.scalelab.app.text;

import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;

/** How a configuration is named in titles, legends and tables. */
public final class RunLabels {
    private RunLabels() {
    }

    /** "mlp-235k on mnist-mini · hybrid 2P×2T". */
    public static String describe(TrainingConfig config) {
        return config.model().name() + " on " + config.data().dataset() + " · " + parallelism(config);
    }

    /** "serial", or the strategy with its processes and threads: "hybrid 2P×2T (weak)". */
    public static String parallelism(TrainingConfig config) {
        if (config.parallelism().strategy() == Strategy.SERIAL) {
            return "serial";
        }
        return config.parallelism().strategy() + " " + workers(config) + (config.parallelism().scaling() == Scaling.WEAK ? " (weak)" : "");
    }

    /** "2P×2T". */
    public static String workers(TrainingConfig config) {
        return config.parallelism().processes() + "P×" + config.parallelism().threads() + "T";
    }
}
