package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.TrainingConfig;

/** Builds the optimiser a configuration asks for. */
public final class Optimizers {
    private Optimizers() {
    }

    /** @param parameters the flat parameter buffer the optimiser will update (sizes its state) */
    public static Optimizer create(TrainingConfig config, INDArray parameters) {
        Optimizer rule = switch (config.optimizer().kind()) {
            case SGD -> new Sgd();
            case MOMENTUM -> new MomentumSgd(config.optimizer().momentum(), parameters);
            case ADAM -> new Adam(config.optimizer().beta1(), config.optimizer().beta2(), config.optimizer().epsilon(), parameters);
        };
        return config.optimizer().weightDecay() > 0 ? new WeightDecay(config.optimizer().weightDecay(), rule) : rule;
    }
}
