package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** Warnings as KNIME shows them on executed nodes (driver: Warnings). */
class WarningsTest extends InKnime {

    /** Skipped rows (Learner) and missing codes (Encoder): warnings raised in execute stay on the executed nodes. */
    @Test
    void executeWarningsSurvive() throws Throwable {
        inKnime("Warnings", "executeWarningsSurvive");
    }

    /**
     * The configure warning "latent dimension not smaller than the number of columns", before and after execute.
     * KNIME clears a node's warning when it starts executing (NodeModel.executeModel calls setWarningMessage(null)),
     * so GfeLearnerNodeModel.execute raises its configure warnings again (the in-memory doubles keep every warning
     * ever set, which once hid that it did not).
     */
    @Test
    void latentDimensionWarningSurvivesExecute() throws Throwable {
        inKnime("Warnings", "latentDimensionWarningSurvivesExecute");
    }
}
