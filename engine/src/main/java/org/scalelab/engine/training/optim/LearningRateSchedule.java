package org.scalelab.engine.training.optim;

import org.scalelab.engine.config.TrainingConfig;

/** The learning rate of each epoch. Epochs are numbered from 1, as runs report them. */
public sealed interface LearningRateSchedule {

    double rate(int epoch);

    static LearningRateSchedule of(TrainingConfig config) {
        return switch (config.schedule().decay()) {
            case CONSTANT -> new Constant(config.schedule().learningRate());
            case STEP -> new StepDecay(config.schedule().learningRate(), config.schedule().stepSize(), config.schedule().gamma());
            case COSINE -> new Cosine(config.schedule().learningRate(), config.schedule().epochs());
        };
    }

    record Constant(double base) implements LearningRateSchedule {
        @Override
        public double rate(int epoch) {
            return base;
        }
    }

    /** {@code base·gamma^⌊(epoch-1)/stepSize⌋}: PyTorch's {@code StepLR} stepped once per epoch. */
    record StepDecay(double base, int stepSize, double gamma) implements LearningRateSchedule {
        @Override
        public double rate(int epoch) {
            return base * Math.pow(gamma, (epoch - 1) / stepSize);
        }
    }

    /**
     * {@code base·½(1 + cos(π(epoch-1)/epochs))}: PyTorch's {@code CosineAnnealingLR(T_max = epochs)} stepped
     * once per epoch, so the first epoch uses the full rate and the last one a small but non-zero rate.
     */
    record Cosine(double base, int epochs) implements LearningRateSchedule {
        @Override
        public double rate(int epoch) {
            return base * 0.5 * (1 + Math.cos(Math.PI * (epoch - 1) / epochs));
        }
    }
}
