package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** A workflow variable overriding the Learner's latent dimension changes the Encoder's output (driver: FlowVariables). */
class FlowVariablesTest extends InKnime {

    @Test
    void latentDimensionFromAFlowVariable() throws Throwable {
        inKnime("FlowVariables", "latentDimensionFromAFlowVariable");
    }
}
