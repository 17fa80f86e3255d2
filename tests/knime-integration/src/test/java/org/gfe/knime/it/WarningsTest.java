package org.gfe.knime.it;

import org.junit.jupiter.api.Disabled;
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
     * PLUGIN BUG found here: KNIME clears a node's warning when it starts executing (NodeModel.executeModel calls
     * setWarningMessage(null)) and GfeLearnerNodeModel.execute does not raise it again, so the executed Learner
     * shows no warning. The in-memory doubles keep every warning ever set, which hid it.
     */
    @Test
    @Disabled("plugin bug: the Learner's latent-dimension warning is lost on execute (see the javadoc; issue 10)")
    void latentDimensionWarningSurvivesExecute() throws Throwable {
        inKnime("Warnings", "latentDimensionWarningSurvivesExecute");
    }
}
