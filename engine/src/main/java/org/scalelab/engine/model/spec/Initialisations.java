package org.scalelab.engine.model.spec;

import org.scalelab.engine.model.Initialisation;

final class Initialisations {
    private Initialisations() {
    }

    /** The explicit choice, else He for hidden layers (ReLU follows) and Xavier for the output layer. */
    static Initialisation resolve(Initialisation explicit, BuildContext context) {
        if (explicit != null) {
            return explicit;
        }
        return context.outputLayer() ? Initialisation.XAVIER : Initialisation.HE;
    }
}
