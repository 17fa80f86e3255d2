package org.gfe.knime.core.decoder;

/** Activation between the decoder's hidden layers (none on the output). */
public enum Activation {
    ELU, RELU, TANH
}
