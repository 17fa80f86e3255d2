package org.gfe.knime.core.loss;

/** The reconstruction loss to train with. */
public enum LossKind {
    /** BCE if every present value lies in [0, 1] after normalisation, else MSE. */
    AUTO,
    /** Binary cross-entropy on logits in the stable log-sigmoid form. */
    BCE,
    /** Binary cross-entropy computed as the reference does (sigmoid, then log with +1e-8). */
    BCE_REFERENCE,
    /** Mean squared error. */
    MSE
}
