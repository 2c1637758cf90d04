package org.scalelab.engine.training;

import java.util.Locale;
import org.scalelab.engine.config.ExplainedFailure;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.StepCompleted;

/**
 * The loss became NaN or infinite: the weights have overflowed and nothing after this step means anything, so
 * the run ends as failed rather than training on to a "finished" run of garbage. Almost always a learning rate
 * too large for the model, which the message says.
 */
public class TrainingDivergedException extends RuntimeException implements ExplainedFailure {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(StepCompleted step, double learningRate) {
        super(String.format(Locale.ROOT, "diverged at step %d (epoch %d, step %d): the loss became %s; the learning "
                + "rate %s is probably too large, try a smaller %s", step.globalStep(), step.epoch(), step.step(),
                Double.isNaN(step.loss()) ? "NaN" : "infinite", TrainingOptions.LR.type().format(learningRate),
                TrainingOptions.LR.cliName()));
    }

    /** @throws TrainingDivergedException when the step's loss is not a finite number */
    public static void check(StepCompleted step, double learningRate) {
        if (!Double.isFinite(step.loss())) {
            throw new TrainingDivergedException(step, learningRate);
        }
    }
}
